// End-to-end latencies as probe walls observe them: weighted values (events delivered together
// share one latency per production run), kept per second of arrival for the time series. Pure.
import { percentilesOf, type Percentiles } from './percentiles.ts';

export interface LatencyPoint extends Percentiles {
  /** Seconds since the run's clock started (the bucket's start). */
  second: number;
}

export interface LatencySummary {
  overall: Percentiles | null;
  series: LatencyPoint[];
}

interface Bucket {
  values: number[];
  weights: number[];
}

export class LatencyStats {
  readonly #buckets = new Map<number, Bucket>();

  /** @param startedAt epoch ms the series' seconds count from */
  constructor(private readonly startedAt: number) {}

  /** `count` events arrived at `receivedAt`, each `latencyMs` after it was produced. */
  add(receivedAt: number, latencyMs: number, count: number): void {
    if (count <= 0) return;
    const second = Math.floor((receivedAt - this.startedAt) / 1000);
    let bucket = this.#buckets.get(second);
    if (!bucket) this.#buckets.set(second, (bucket = { values: [], weights: [] }));
    bucket.values.push(latencyMs);
    bucket.weights.push(count);
  }

  summary(): LatencySummary {
    const seconds = [...this.#buckets.keys()].sort((a, b) => a - b);
    const series: LatencyPoint[] = [];
    const values: number[] = [];
    const weights: number[] = [];
    for (const second of seconds) {
      const bucket = this.#buckets.get(second) as Bucket;
      const point = percentilesOf(bucket.values, bucket.weights);
      if (point) series.push({ second, ...point });
      // Element by element: spreading a long array into push() can overflow the stack.
      for (const [i, value] of bucket.values.entries()) {
        values.push(value);
        weights.push(bucket.weights[i] as number);
      }
    }
    return { overall: percentilesOf(values, weights), series };
  }
}
