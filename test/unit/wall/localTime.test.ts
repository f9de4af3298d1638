import { describe, expect, it } from 'vitest';
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
});
