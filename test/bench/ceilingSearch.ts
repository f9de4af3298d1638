// The search for the highest event rate a relay sustains: double from a start rate while it
// keeps up (halve while it does not), then split the bracket between the last rate it kept up
// with and the first it did not, a given number of times. Pure: the caller runs each step and
// records whether the relay kept up.

export interface CeilingSearchOptions {
  start: number;
  bisections: number;
  /** Below this, give up: the relay keeps up with nothing worth measuring. */
  floor: number;
  /** Above this, stop doubling: the best is then only a lower bound. */
  ceiling: number;
  /** Rates are rounded to multiples of this. */
  step: number;
}

export interface CeilingSearch {
  /** The next rate to try; null when the search is over. */
  next(): number | null;
  record(rate: number, keptUp: boolean): void;
  /** The highest rate it kept up with; null if none. */
  best(): number | null;
}

export function createCeilingSearch({ start, bisections, floor, ceiling, step }: CeilingSearchOptions): CeilingSearch {
  let good: number | null = null;
  let bad: number | null = null;
  let splits = 0;
  const round = (rate: number) => Math.max(step, Math.round(rate / step) * step);
  return {
    next() {
      if (good === null) {
        if (bad === null) return round(start);
        const lower = round(bad / 2);
        return lower < floor || lower >= bad ? null : lower;
      }
      if (bad === null) return good * 2 <= ceiling ? round(good * 2) : null;
      if (splits >= bisections) return null;
      const middle = round((good + bad) / 2);
      return middle > good && middle < bad ? middle : null;
    },
    record(rate, keptUp) {
      const bracketed = good !== null && bad !== null;
      if (keptUp) good = Math.max(good ?? rate, rate);
      else bad = Math.min(bad ?? rate, rate);
      if (bracketed) splits++;
    },
    best: () => good,
  };
}
