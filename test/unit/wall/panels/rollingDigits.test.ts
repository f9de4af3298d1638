// A rolling counter touches only the places whose character changed, aligned from the right, so
// the units stay put when the number gains a digit.
import { describe, expect, it } from 'vitest';
import { placeChanges, rollsAt, ROLL_MS } from '../../../../wall/panels/rollingDigits.ts';

const chars = (text: string) => [...text];

describe("a rolling counter's places", () => {
  it('changes only the digits that moved', () => {
    expect(placeChanges(chars('1,234'), chars('1,239'))).toEqual({ drop: 0, add: [], change: [{ at: 4, char: '9', before: '4' }] });
    expect(placeChanges(chars('1,234'), chars('1,234'))).toEqual({ drop: 0, add: [], change: [] });
  });

  it('adds places on the left when the number grows, keeping the units where they were', () => {
    expect(placeChanges(chars('999'), chars('1,000'))).toEqual({
      drop: 0,
      add: ['1', ','],
      change: [
        { at: 2, char: '0', before: '9' },
        { at: 3, char: '0', before: '9' },
        { at: 4, char: '0', before: '9' },
      ],
    });
  });

  it('drops places on the left when it shrinks (a new day), and starts from nothing', () => {
    expect(placeChanges(chars('1,002'), chars('7'))).toEqual({ drop: 4, add: [], change: [{ at: 0, char: '7', before: '2' }] });
    expect(placeChanges([], chars('12'))).toEqual({ drop: 0, add: ['1', '2'], change: [] });
  });
});

describe('when a counter rolls', () => {
  it('rolls its first change, and a change once the last roll has ended', () => {
    expect(rollsAt(undefined, 5_000)).toBe(true);
    expect(rollsAt(5_000, 5_000 + ROLL_MS)).toBe(true);
  });

  it('jumps when it changes again while the last roll is still running', () => {
    expect(rollsAt(5_000, 5_250)).toBe(false);
    expect(rollsAt(5_000, 5_000 + ROLL_MS - 1)).toBe(false);
  });
});
