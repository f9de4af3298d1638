import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../lib/random.ts';
import { dayFraction, localTime } from '../../../wall/store/localTime.ts';
import { shanghai } from '../state/helpers.ts';

describe('local time in the relay zone', () => {
  it('readsTheWallClockFieldsInTheZone', () => {
    expect(localTime(shanghai('2024-05-01 23:59:58'), 'Asia/Shanghai')).toEqual({
      year: 2024,
      month: 5,
      day: 1,
      hour: 23,
      minute: 59,
      second: 58,
      weekday: 3,
    });
  });

  it('givesTheShareOfTheLocalDayGoneBy', () => {
    expect(dayFraction(shanghai('2024-05-01 00:00'), 'Asia/Shanghai')).toBe(0);
    expect(dayFraction(shanghai('2024-05-01 18:00'), 'Asia/Shanghai')).toBe(0.75);
    // The same instant is 10:00 in UTC.
    expect(dayFraction(shanghai('2024-05-01 18:00'), 'UTC')).toBeCloseTo(10 / 24, 12);
  });

  // An independent reading of the same fields: Swedish dates are ISO-like ("2024-05-01 23:59:58").
  const readers = new Map<string, { dateTime: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat }>();
  const fromIntl = (epochMs: number, timeZone: string) => {
    let reader = readers.get(timeZone);
    if (!reader) {
      reader = {
        dateTime: new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' }),
        weekday: new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }),
      };
      readers.set(timeZone, reader);
    }
    const [date = '', time = ''] = reader.dateTime.format(epochMs).split(' ');
    const [year, month, day] = date.split('-').map(Number);
    const [hour, minute, second] = time.split(':').map(Number);
    const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(reader.weekday.format(epochMs));
    return { year, month, day, hour, minute, second, weekday };
  };
  // Zones with summer time (both hemispheres), a half-hour change (Lord Howe) and quarter-hour offsets.
  const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/Santiago'];

  it('agreesWithIntlAtEverySecondAroundEachChangeOfOffset', () => {
    // 2024's changes in each zone: every second from 20 minutes before the hour in which the offset
    // changes to 20 minutes after that hour.
    for (const timeZone of ZONES) {
      const changes: number[] = [];
      const offsetOf = (at: number) => {
        const { year, month, day, hour, minute, second } = fromIntl(at, timeZone);
        return Date.UTC(year!, month! - 1, day!, hour!, minute!, second!) - at;
      };
      for (let at = Date.UTC(2024, 0, 1); at < Date.UTC(2025, 0, 1); at += 3_600_000) {
        if (offsetOf(at) !== offsetOf(at + 3_600_000)) changes.push(at);
      }
      for (const hour of changes) {
        for (let at = hour - 20 * 60_000; at <= hour + 80 * 60_000; at += 1_000) {
          expect(localTime(at, timeZone), `${timeZone} at ${new Date(at).toISOString()}`).toEqual(fromIntl(at, timeZone));
        }
      }
      if (timeZone !== 'UTC' && timeZone !== 'Asia/Shanghai' && timeZone !== 'Asia/Kathmandu') expect(changes.length, timeZone).toBeGreaterThanOrEqual(2);
    }
  });

  it('agreesWithIntlAtRandomInstantsFrom1972To2100', () => {
    const random = seededRandom(20261204);
    const from = Date.UTC(1972, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    for (let i = 0; i < 20_000; i++) {
      const at = Math.floor(random.between(from, to));
      const zoneIndex = Math.floor(random.between(0, ZONES.length));
      const timeZone = ZONES[zoneIndex]!;
      expect(localTime(at, timeZone), `${timeZone} at ${new Date(at).toISOString()}`).toEqual(fromIntl(at, timeZone));
    }
  });
});
