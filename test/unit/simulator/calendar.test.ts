import { describe, expect, it } from 'vitest';
import { dayOf, formatDay, localClock, monthOf, parseDay, parseUtcOffset, weekdayOf } from '../../../simulator/generate/calendar.ts';

describe('local calendar', () => {
  it('reads dates as day numbers and refuses impossible ones', () => {
    expect(parseDay('1970-01-02')).toBe(1);
    expect(formatDay(dayOf('2019-11-30'))).toBe('2019-11-30');
    expect(parseDay('2019-02-29')).toBeNull();
    expect(parseDay('2019-2-1')).toBeNull();
  });

  it('knows weekdays (Monday = 0) and months (January = 0)', () => {
    expect(weekdayOf(dayOf('2019-12-02'))).toBe(0); // the award ceremony, a Monday
    expect(weekdayOf(dayOf('2018-01-07'))).toBe(6); // a Sunday
    expect(monthOf(dayOf('2018-12-31'))).toBe(11);
  });

  it('starts a Shanghai day at 16:00 UTC the day before and formats instants with +08:00', () => {
    const shanghai = localClock(parseUtcOffset('+08:00') ?? NaN);
    const start = shanghai.dayStart(dayOf('2019-04-23'));
    expect(new Date(start).toISOString()).toBe('2019-04-22T16:00:00.000Z');
    expect(shanghai.iso(start + 9 * 3_600_000 + 5_007)).toBe('2019-04-23T09:00:05.007+08:00');
  });

  it('formats like Date for any instant and offset', () => {
    const ms = Date.UTC(2018, 11, 31, 23, 59, 59, 999);
    expect(localClock(-330).iso(ms)).toBe('2018-12-31T18:29:59.999-05:30');
    expect(Date.parse(localClock(480).iso(ms))).toBe(ms);
  });

  it('parses offsets and refuses malformed ones', () => {
    expect(parseUtcOffset('-05:30')).toBe(-330);
    expect(parseUtcOffset('+8')).toBeNull();
    expect(parseUtcOffset('+15:00')).toBeNull();
  });
});
