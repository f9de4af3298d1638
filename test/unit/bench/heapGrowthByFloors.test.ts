// Heap growth is judged by what survives collection: the lowest sample of the first and of the
// second half of a phase, so a peak before a collection is not taken for growth.
import { describe, expect, it } from 'vitest';
import { heapFloors } from '../../bench/heapGrowth.ts';

describe('heap growth by its floors', () => {
  it('ignores peaks between collections, wherever the collections fall', () => {
    // A sawtooth whose first collection comes late in the first half.
    expect(heapFloors([88, 92, 95, 51, 56, 61, 50, 58, 63, 52])).toEqual({ start: 51, end: 50 });
  });

  it('shows a floor that rises', () => {
    expect(heapFloors([40, 60, 45, 70, 55, 80, 62, 90])).toEqual({ start: 40, end: 55 });
  });

  it('takes other parts when asked, and needs two samples', () => {
    expect(heapFloors([40, 60, 45, 70, 55, 80, 62, 90], 0.25)).toEqual({ start: 40, end: 62 });
    expect(heapFloors([42])).toBeNull();
  });
});
