// Events handed to the target in each second of the run: the achieved rate over time. Pure.

export class RateSeries {
  readonly #perSecond: number[] = [];

  /** @param startedAt epoch ms the seconds count from */
  constructor(private readonly startedAt: number) {}

  record(count: number, at: number): void {
    const second = Math.max(0, Math.floor((at - this.startedAt) / 1000));
    while (this.#perSecond.length <= second) this.#perSecond.push(0);
    this.#perSecond[second] = (this.#perSecond[second] as number) + count;
  }

  /** Events per second, from the clock's start to the last second anything was sent. */
  perSecond(): number[] {
    return [...this.#perSecond];
  }
}
