import { describe, expect, it } from 'vitest';
import { largestRemainder, systematicRound } from '../../../simulator/generate/apportion.ts';

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

describe('largest-remainder split of a total by shares', () => {
  it('splits 25,590 sensor alarms exactly, each kind within one of its quota', () => {
    const shares = [0.5, 0.18, 0.14, 0.09, 0.06, 0.03];
    const counts = largestRemainder(25_590, shares);
    expect(sum(counts)).toBe(25_590);
    counts.forEach((count, i) => expect(Math.abs(count - 25_590 * (shares[i] ?? 0))).toBeLessThan(1));
  });

  it('gives the leftover units to the largest remainders, ties to the earlier share', () => {
    expect(largestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(largestRemainder(5, [0.55, 0.45])).toEqual([3, 2]);
  });

  it('refuses weights that are all zero', () => {
    expect(() => largestRemainder(3, [0, 0])).toThrow('all zero');
  });
});

describe('systematic rounding of a total over days', () => {
  it('adds up to the total for any offset, each slot the floor or ceiling of its quota', () => {
    const weights = [1, 2, 0, 3.5, 0.25, 1, 1];
    const total = 37;
    for (const offset of [0, 0.1, 0.5, 0.999]) {
      const counts = systematicRound(total, weights, offset);
      expect(sum(counts)).toBe(total);
      counts.forEach((count, i) => {
        const quota = (total * (weights[i] ?? 0)) / sum(weights);
        expect(count === Math.floor(quota) || count === Math.ceil(quota)).toBe(true);
      });
    }
  });

  it('never puts an event on a day of weight zero, even at the end of the period', () => {
    const counts = systematicRound(5, [0, 1, 1, 0, 0], 0.999);
    expect(Array.from(counts)).toEqual([0, counts[1], counts[2], 0, 0]);
    expect(sum(counts)).toBe(5);
  });

  it('spreads a few events over many equal days according to the offset, not always the same days', () => {
    const days = new Array<number>(100).fill(1);
    const early = Array.from(systematicRound(3, days, 0.01)).findIndex((c) => c > 0);
    const late = Array.from(systematicRound(3, days, 0.99)).findIndex((c) => c > 0);
    expect(early).not.toBe(late);
  });

  it('returns all zeros for a zero total, whatever the weights', () => {
    expect(Array.from(systematicRound(0, [0, 0], 0.5))).toEqual([0, 0]);
  });
});
