import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../lib/random.ts';
import { DAY_MS, HOUR_MS } from '../../../simulator/generate/calendar.ts';
import { dayTimes } from '../../../simulator/generate/dayTimes.ts';
import { hourCdf } from '../../../simulator/generate/shape.ts';

const DAY_START = Date.UTC(2019, 5, 4, 16);

describe('sorted event times within a day', () => {
  it('gives n ascending integer instants inside the day', () => {
    const times = dayTimes(5000, hourCdf(new Array<number>(24).fill(1)), DAY_START, seededRandom(1));
    expect(times).toHaveLength(5000);
    times.forEach((t, i) => {
      expect(Number.isInteger(t)).toBe(true);
      expect(t).toBeGreaterThanOrEqual(i === 0 ? DAY_START : (times[i - 1] ?? 0));
      expect(t).toBeLessThan(DAY_START + DAY_MS);
    });
  });

  it('follows the hour shape: nothing in hours of weight zero, three times as much where it is three times heavier', () => {
    const weights = new Array<number>(24).fill(0);
    weights[8] = 3;
    weights[20] = 1;
    const times = dayTimes(20_000, hourCdf(weights), DAY_START, seededRandom(2));
    const hours = Array.from(times, (t) => Math.floor((t - DAY_START) / HOUR_MS));
    expect(new Set(hours)).toEqual(new Set([8, 20]));
    const ratio = hours.filter((h) => h === 8).length / hours.filter((h) => h === 20).length;
    expect(ratio).toBeGreaterThan(2.8);
    expect(ratio).toBeLessThan(3.2);
  });

  it('draws the same times from the same seed', () => {
    const cdf = hourCdf(new Array<number>(24).fill(1));
    expect(dayTimes(50, cdf, DAY_START, seededRandom(9))).toEqual(dayTimes(50, cdf, DAY_START, seededRandom(9)));
    expect(dayTimes(50, cdf, DAY_START, seededRandom(9))).not.toEqual(dayTimes(50, cdf, DAY_START, seededRandom(10)));
  });
});
