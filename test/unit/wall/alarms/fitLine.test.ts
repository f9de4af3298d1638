import { describe, expect, it } from 'vitest';
import { longestFitting } from '../../../../wall/alarms/fitLine.ts';

describe('one line cut to fit', () => {
  it('findsTheLongestPrefixThatFits', () => {
    const widths = [...'楼道内电动自行车违规充电'].map((_, i) => (i + 1) * 10);
    const fitsIn = (room: number) => (n: number) => n === 0 || (widths[n - 1] ?? Infinity) <= room;
    expect(longestFitting(widths.length, fitsIn(55))).toBe(5);
    expect(longestFitting(widths.length, fitsIn(1_000))).toBe(widths.length);
    expect(longestFitting(widths.length, fitsIn(5))).toBe(0);
    expect(longestFitting(0, fitsIn(5))).toBe(0);
  });

  it('asksAboutFewPrefixes', () => {
    let asked = 0;
    longestFitting(1_000, (n) => (asked++, n <= 617));
    expect(asked).toBeLessThanOrEqual(10);
  });
});
