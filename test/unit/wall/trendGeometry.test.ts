import { describe, expect, it } from 'vitest';
import { areaPoints, linePoints, niceMax } from '../../../wall/panels/trendGeometry.ts';

describe('trend chart geometry', () => {
  it('roundsTheScaleUpToOneTwoOrFiveTimesAPowerOfTen', () => {
    expect(niceMax([[0, 0]])).toBe(1);
    expect(niceMax([[3], [7]])).toBe(10);
    expect(niceMax([[12]])).toBe(20);
    expect(niceMax([[180], [420]])).toBe(500);
    expect(niceMax([[5000]])).toBe(5000);
  });

  it('spreadsTwentyFourHoursAcrossTheWidthWithZeroAtTheBottom', () => {
    const values = new Array<number>(24).fill(0);
    values[23] = 10;
    const points = linePoints(values, 10, 230, 60).split(' ');
    expect(points).toHaveLength(24);
    expect(points[0]).toBe('0,60');
    expect(points[1]).toBe('10,60');
    expect(points[23]).toBe('230,0');
  });

  it('closesTheAreaDownToTheBaselineUnderTheLastHourDrawn', () => {
    expect(areaPoints([5, 10], 10, 230, 60)).toBe('0,60 0,30 10,0 10,60');
    expect(areaPoints([], 10, 230, 60)).toBe('');
  });
});
