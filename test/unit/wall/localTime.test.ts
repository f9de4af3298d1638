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

  // What localTime used to read straight from Intl for every call; now Intl is asked once a quarter hour.
  const formats = new Map<string, Intl.DateTimeFormat>();
  const fromIntl = (epochMs: number, timeZone: string) => {
    const fields: Record<string, number> = {};
    const format = formats.get(timeZone) ?? new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
    for (const part of format.formatToParts(epochMs)) if (part.type !== 'literal' && part.type !== 'weekday') fields[part.type] = Number(part.value);
    const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(format.formatToParts(epochMs).find((part) => part.type === 'weekday')!.value);
    return { ...fields, weekday };
  };
  // Zones with summer time (both hemispheres), a half-hour change (Lord Howe) and quarter-hour offsets.
  const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/Santiago'];

  it('agreesWithIntlAtEverySecondAroundEachChangeOfOffset', () => {
    // 2024's changes in each zone: every second from 20 minutes before to 20 minutes after.
    for (const timeZone of ZONES) {
      const changes: number[] = [];
      const offsetOf = (at: number) => {
        const { year, month, day, hour, minute, second } = fromIntl(at, timeZone) as Record<string, number>;
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
