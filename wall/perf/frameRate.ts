// Frames per second from requestAnimationFrame times over the last few seconds. A stalled page
// draws no frames, so the rate falls to 0 instead of freezing at its last value. Fixed memory:
// a ring of the latest frame times.

/** Enough for a 240 Hz screen over the window. */
const CAPACITY = 1_024;

export class FrameRate {
  private readonly times = new Float64Array(CAPACITY);
  private count = 0;
  private readonly windowMs: number;
  private readonly startedAt: number;

  constructor(windowMs: number, startedAt: number) {
    if (!(windowMs > 0)) throw new Error(`frame rate: window must be positive, got ${windowMs}`);
    this.windowMs = windowMs;
    this.startedAt = startedAt;
  }

  /** A frame at `at` (ms, the rAF timestamp's clock). */
  frame(at: number): void {
    this.times[this.count % CAPACITY] = at;
    this.count++;
  }

  /** Frames per second over the window before `now`, or since the start when that is shorter. */
  fps(now: number): number {
    const span = Math.min(this.windowMs, now - this.startedAt);
    if (span <= 0) return 0;
    let frames = 0;
    for (let i = 1; i <= Math.min(this.count, CAPACITY); i++) {
      const at = this.times[(this.count - i) % CAPACITY] ?? 0;
      if (at <= now - span) break;
      frames++;
    }
    return (frames * 1_000) / span;
  }
}
