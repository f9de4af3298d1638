// Main-thread time the wall spends per delta (applying it and updating the screen; the slow
// panels' update, when it comes between deltas, is charged to the latest), for the performance
// figures: totals since start plus the latest window, so a tester sees both the long-run mean
// and what the last minute looked like. Fixed memory whatever the uptime.

export interface DeltaTimingSummary {
  count: number;
  meanMs: number;
  maxMs: number;
  /** Over the latest window of deltas. */
  windowMeanMs: number;
  windowP95Ms: number;
}

export class DeltaTiming {
  private readonly window: Float64Array;
  private count = 0;
  private totalMs = 0;
  private maxMs = 0;

  constructor(windowSize: number) {
    if (!Number.isInteger(windowSize) || windowSize < 1) throw new Error(`delta timing: window must be a positive integer, got ${windowSize}`);
    this.window = new Float64Array(windowSize);
  }

  record(ms: number): void {
    this.window[this.count % this.window.length] = ms;
    this.count++;
    this.totalMs += ms;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  /** Work that followed from the latest delta but ran after it (the slow panels, at their cadence). */
  addToLatest(ms: number): void {
    if (this.count === 0) return;
    const latest = (this.count - 1) % this.window.length;
    this.window[latest] = this.window[latest]! + ms;
    this.totalMs += ms;
    if (this.window[latest]! > this.maxMs) this.maxMs = this.window[latest]!;
  }

  summary(): DeltaTimingSummary {
    const held = Array.from(this.window.subarray(0, Math.min(this.count, this.window.length))).sort((a, b) => a - b);
    const windowTotal = held.reduce((sum, ms) => sum + ms, 0);
    return {
      count: this.count,
      meanMs: this.count === 0 ? 0 : this.totalMs / this.count,
      maxMs: this.maxMs,
      windowMeanMs: held.length === 0 ? 0 : windowTotal / held.length,
      windowP95Ms: held[Math.max(0, Math.ceil(held.length * 0.95) - 1)] ?? 0,
    };
  }
}
