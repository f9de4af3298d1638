import { describe, expect, it } from 'vitest';
import { splitInOrder } from '../../../../wall/layout/panelRows.ts';

describe('splitting a column over stacked screens', () => {
  it('keepsTheOrderAndMinimisesTheFullestScreen', () => {
    expect(splitInOrder([3, 4, 3, 2], 1)).toEqual([[0, 1, 2, 3]]);
    expect(splitInOrder([3, 4, 3, 2], 2)).toEqual([[0, 1], [2, 3]]);
    expect(splitInOrder([5, 3, 3], 2)).toEqual([[0], [1, 2]]);
    expect(splitInOrder([1, 1, 1, 9], 2)).toEqual([[0, 1, 2], [3]]);
  });

  it('leavesScreensEmptyWhenThereAreMoreScreensThanPanels', () => {
    const runs = splitInOrder([5, 3, 3], 5);
    expect(runs).toHaveLength(5);
    expect(runs.flat()).toEqual([0, 1, 2]);
  });

  it('refusesANonsenseNumberOfParts', () => {
    expect(() => splitInOrder([1], 0)).toThrow(/positive integer/);
  });
});
