import { describe, expect, it } from 'vitest';
import { createDayClock, hourOf } from '../../../relay/state/dayClock.ts';
import { HOUR, NOON, shanghai } from './helpers.ts';

describe('day clock', () => {
  it('shanghaiDayRunsFromLocalMidnightToLocalMidnight', () => {
    const day = createDayClock('Asia/Shanghai').dayOf(NOON);
    expect(day.date).toBe('2024-05-01');
    expect(day.start).toBe(shanghai('2024-05-01 00:00'));
    expect(day.end).toBe(shanghai('2024-05-02 00:00'));
    expect(day.hourStarts).toEqual(Array.from({ length: 24 }, (_, h) => day.start + h * HOUR));
  });

  it('theLastMillisecondOfADayBelongsToIt', () => {
    const clock = createDayClock('Asia/Shanghai');
    expect(clock.dayOf(shanghai('2024-05-01 23:59:59.999')).date).toBe('2024-05-01');
    expect(clock.dayOf(shanghai('2024-05-02 00:00')).date).toBe('2024-05-02');
  });

  it('springForwardDayHas23HoursAndNoHourTwo', () => {
    const day = createDayClock('Europe/Berlin').dayOf(Date.UTC(2024, 2, 31, 10));
    expect(day.start).toBe(Date.UTC(2024, 2, 30, 23)); // 00:00 CET
    expect(day.end - day.start).toBe(23 * HOUR);
    expect(day.hourStarts[2]).toBe(day.hourStarts[3]); // 02:00–03:00 does not exist
    expect(hourOf(day, Date.UTC(2024, 2, 31, 0, 59))).toBe(1); // 01:59 CET
    expect(hourOf(day, Date.UTC(2024, 2, 31, 1, 0))).toBe(3); // 03:00 CEST
  });

  it('fallBackDayHas25HoursAndCountsTheRepeatedHourOnce', () => {
    const day = createDayClock('America/New_York').dayOf(Date.UTC(2024, 10, 3, 17));
    expect(day.start).toBe(Date.UTC(2024, 10, 3, 4)); // 00:00 EDT
    expect(day.end - day.start).toBe(25 * HOUR);
    expect(hourOf(day, Date.UTC(2024, 10, 3, 5, 30))).toBe(1); // 01:30 EDT
    expect(hourOf(day, Date.UTC(2024, 10, 3, 6, 30))).toBe(1); // 01:30 EST, an hour later
    expect(hourOf(day, Date.UTC(2024, 10, 3, 7, 30))).toBe(2);
    expect(hourOf(day, Date.UTC(2024, 10, 4, 4, 59))).toBe(23);
  });

  it('halfHourZoneStartsItsDayOnTheHalfHour', () => {
    const day = createDayClock('Asia/Kolkata').dayOf(Date.UTC(2024, 4, 1, 6));
    expect(day.start).toBe(Date.UTC(2024, 3, 30, 18, 30));
    expect(hourOf(day, Date.UTC(2024, 4, 1, 6, 29))).toBe(11);
    expect(hourOf(day, Date.UTC(2024, 4, 1, 6, 30))).toBe(12);
  });

  it('aZoneThatSkippedADateStillHasWholeDays', () => {
    // Samoa jumped from 29 to 31 December 2011: the 31st starts where the 29th ends.
    const clock = createDayClock('Pacific/Apia');
    const dec31 = clock.dayOf(Date.UTC(2011, 11, 31, 0));
    const dec29 = clock.dayOf(dec31.start - 1);
    expect([dec29.date, dec31.date]).toEqual(['2011-12-29', '2011-12-31']);
    expect(dec29.end).toBe(dec31.start);
    expect(dec31.end - dec31.start).toBe(24 * HOUR);
  });

  it('hourOfClampsInstantsOutsideTheDay', () => {
    const day = createDayClock('Asia/Shanghai').dayOf(NOON);
    expect(hourOf(day, day.start - HOUR)).toBe(0);
    expect(hourOf(day, day.end + 5 * 60_000)).toBe(23);
  });
});
