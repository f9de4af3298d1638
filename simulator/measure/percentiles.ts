// Percentiles of weighted values (a value seen `count` times), by nearest rank: the p-th
// percentile is the smallest value with at least p % of the weight at or below it. Pure.

export interface Percentiles {
  /** Total weight: how many observations. */
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Null when there is no weight. `values` and `weights` are parallel. */
export function percentilesOf(values: readonly number[], weights: readonly number[]): Percentiles | null {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const count = weights.reduce((sum, weight) => sum + weight, 0);
  if (count === 0) return null;
  const ranks = [0.5, 0.95, 0.99].map((p) => Math.ceil(p * count));
  const found: number[] = [];
  let seen = 0;
  for (const i of order) {
    seen += weights[i] as number;
    while (found.length < ranks.length && seen >= (ranks[found.length] as number)) found.push(values[i] as number);
  }
  const [p50 = NaN, p95 = NaN, p99 = NaN] = found;
  return { count, p50, p95, p99, max: values[order[order.length - 1] as number] as number };
}
