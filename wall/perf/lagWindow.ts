// Event-to-screen lag over the last minute: for each feed item the wall shows, the time it was
// shown minus the event's own time. The two clocks differ (the producer's and the wall's), so a
// skew between them shows up in the figures, negative lags included. Fixed memory: a ring of
// the latest samples; at more than CAPACITY items a minute, the window is the latest CAPACITY.

export interface LagSummary {
  /** Samples in the window. */
  count: number;
  /** Null without samples. */
  p50Ms: number | null;
  p95Ms: number | null;
}

/** A minute of feed items at 4 deltas a second with the relay's 50 per delta. */
const CAPACITY = 12_000;

export class LagWindow {
  private readonly shownAt = new Float64Array(CAPACITY);
  private readonly lags = new Float64Array(CAPACITY);
  private count = 0;
  private readonly windowMs: number;

  constructor(windowMs: number) {
    if (!(windowMs > 0)) throw new Error(`lag window: window must be positive, got ${windowMs}`);
    this.windowMs = windowMs;
  }

  record(shownAt: number, eventTs: number): void {
    const slot = this.count % CAPACITY;
    this.shownAt[slot] = shownAt;
    this.lags[slot] = shownAt - eventTs;
    this.count++;
  }

  summary(now: number): LagSummary {
    const held: number[] = [];
    for (let i = 1; i <= Math.min(this.count, CAPACITY); i++) {
      const slot = (this.count - i) % CAPACITY;
      if ((this.shownAt[slot] ?? 0) <= now - this.windowMs) break;
      held.push(this.lags[slot] ?? 0);
    }
    held.sort((a, b) => a - b);
    return { count: held.length, p50Ms: nearestRank(held, 0.5), p95Ms: nearestRank(held, 0.95) };
  }
}

function nearestRank(sorted: readonly number[], quantile: number): number | null {
  return sorted[Math.max(0, Math.ceil(sorted.length * quantile) - 1)] ?? null;
}
