// The search for the naive relay's ceiling doubles while it keeps up, halves while it does not,
// then splits the bracket a given number of times; the best is the highest rate it kept up with.
import { describe, expect, it } from 'vitest';
import { createCeilingSearch } from '../../bench/ceilingSearch.ts';

/** Runs the search against a relay that keeps up with anything up to `capacity`. */
function search(capacity: number, bisections: number, ceiling = 64_000) {
  const tried: number[] = [];
  const ceilingSearch = createCeilingSearch({ start: 1_000, bisections, floor: 50, ceiling, step: 50 });
  for (let rate = ceilingSearch.next(); rate !== null; rate = ceilingSearch.next()) {
    tried.push(rate);
    ceilingSearch.record(rate, rate <= capacity);
  }
  return { tried, best: ceilingSearch.best() };
}

describe("the search for a relay's ceiling", () => {
  it('doubles until the relay falls behind, then splits the bracket', () => {
    expect(search(3_000, 1)).toEqual({ tried: [1_000, 2_000, 4_000, 3_000], best: 3_000 });
    expect(search(2_400, 2)).toEqual({ tried: [1_000, 2_000, 4_000, 3_000, 2_500], best: 2_000 });
  });

  it('halves from the start when the relay cannot keep up with it', () => {
    expect(search(700, 1)).toEqual({ tried: [1_000, 500, 750], best: 500 });
  });

  it('gives up below the floor, and stops doubling at the ceiling', () => {
    expect(search(10, 1).best).toBeNull();
    expect(search(1e9, 1, 8_000)).toEqual({ tried: [1_000, 2_000, 4_000, 8_000], best: 8_000 });
  });
});
