// The current rate for the progress bar: events per second over about the last second. Pure.

const WINDOW_MS = 1_000;

export class RecentRate {
  /** (time, running total) pairs; the first is the newest one at least a window old. */
  readonly #samples: [number, number][] = [];

  /** Notes the running total of events sent at `at`; returns the rate over the last window. */
  update(total: number, at: number): number {
    this.#samples.push([at, total]);
    while (this.#samples.length > 2 && at - (this.#samples[1] as [number, number])[0] >= WINDOW_MS) this.#samples.shift();
    const [since, before] = this.#samples[0] as [number, number];
    return at > since ? ((total - before) * 1000) / (at - since) : 0;
  }
}
