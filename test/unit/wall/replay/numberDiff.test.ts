import { describe, expect, it } from 'vitest';
import { NO_CHANGE, NumberDiffer, applyNumberDiff } from '../../../../wall/replay/numberDiff.ts';

function roundTrip(from: number[], to: number[]): { bytes: number; result: number[] } {
  const diff = new NumberDiffer().diff(Float64Array.from(from), Float64Array.from(to));
  const numbers = Float64Array.from(from);
  applyNumberDiff(numbers, diff);
  return { bytes: diff.byteLength, result: [...numbers] };
}

describe('the difference between two number vectors', () => {
  it('turnsOneVectorIntoTheOtherWhateverTheNumbers', () => {
    const from = [0, 5, NaN, 1.25, 1_714_536_000_000, -3, 2 ** 53 - 1, 7, 0];
    const to = [0, 6, 4, NaN, 1_714_536_002_000, 250_000, -(2 ** 53 - 1), 7.5, 1e300];
    expect(roundTrip(from, to).result).toEqual(to);
  });

  it('turnsRandomVectorsIntoEachOther', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 50; round++) {
      const from = Array.from({ length: 300 }, () => (random() < 0.1 ? NaN : Math.floor(random() * 1e6)));
      const to = from.map((value) => (random() < 0.3 ? Math.floor(random() * 1e9) - 5e8 : random() < 0.05 ? random() : value));
      expect(roundTrip(from, to).result).toEqual(to);
    }
  });

  it('isEmptyWhenNothingChanged', () => {
    const same = Float64Array.from([1, NaN, 3]);
    expect(new NumberDiffer().diff(same, Float64Array.from(same))).toBe(NO_CHANGE);
  });

  it('takesTwoBytesForASmallStepNearTheSlotBefore', () => {
    const from = new Array<number>(1000).fill(10);
    const to = [...from];
    to[3] = 35;
    to[9] = 8;
    expect(roundTrip(from, to).bytes).toBe(4);
  });

  it('writesAFractionWhole', () => {
    expect(roundTrip([0.5], [0.75]).bytes).toBe(9);
  });
});
