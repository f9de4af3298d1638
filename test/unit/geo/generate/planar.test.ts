import { describe, expect, it } from 'vitest';
import type { XY } from '../../../../geo/generate/localFrame.ts';
import { insideIntervals, rectInsidePolygon } from '../../../../geo/generate/planar.ts';

// A U shape: two prongs (x 0–10 and 20–30) joined below y = 10.
const u: XY[] = [[0, 0], [30, 0], [30, 30], [20, 30], [20, 10], [10, 10], [10, 30], [0, 30], [0, 0]];

describe('planar geometry', () => {
  it('finds where an axis-parallel line runs inside a polygon', () => {
    expect(insideIntervals([u], 'y', 20)).toEqual([[0, 10], [20, 30]]);
    expect(insideIntervals([u], 'y', 5)).toEqual([[0, 30]]);
    expect(insideIntervals([u], 'x', 15)).toEqual([[0, 10]]);
  });

  it('rejects a rectangle whose corners are inside but which spans the gap', () => {
    expect(rectInsidePolygon({ x0: 2, y0: 2, x1: 28, y1: 8 }, [u])).toBe(true);
    expect(rectInsidePolygon({ x0: 2, y0: 12, x1: 28, y1: 28 }, [u])).toBe(false);
    expect(rectInsidePolygon({ x0: 2, y0: 5, x1: 28, y1: 20 }, [u])).toBe(false);
  });
});
