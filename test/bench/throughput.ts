// A reader's rate from samples of its running count: events per second between the moments the
// count crossed two shares of the total, each found by linear interpolation between the samples
// around it. Measuring between shares (not from start to end) leaves out the reader's start-up
// (connecting, joining a group) and its last partial fetch. Pure.

export interface CountSample {
  /** Epoch ms. */
  at: number;
  /** Events read so far. */
  count: number;
}

/** When the count first reached `level`; null when the samples never do. */
export function crossingTime(samples: readonly CountSample[], level: number): number | null {
  let before: CountSample | null = null;
  for (const sample of samples) {
    if (sample.count >= level) {
      if (before === null || sample.count === before.count) return sample.at;
      const share = (level - before.count) / (sample.count - before.count);
      return before.at + share * (sample.at - before.at);
    }
    before = sample;
  }
  return null;
}

/**
 * Events per second between the crossings of `fromShare` and `toShare` of `total`; null when
 * the samples do not reach both, or they are crossed at the same instant.
 */
export function rateBetween(samples: readonly CountSample[], total: number, fromShare: number, toShare: number): number | null {
  if (!(fromShare < toShare)) throw new Error(`rateBetween: fromShare ${fromShare} must be below toShare ${toShare}`);
  const start = crossingTime(samples, fromShare * total);
  const end = crossingTime(samples, toShare * total);
  if (start === null || end === null || end <= start) return null;
  return ((toShare - fromShare) * total * 1000) / (end - start);
}

export interface CpuSample extends CountSample {
  /** CPU seconds the reader's process had used by then. */
  cpuSeconds: number;
}

export interface CpuUse {
  /** CPU µs per event read. */
  usPerEvent: number;
  /** CPU seconds per second of wall time: 1 is one core kept busy. */
  share: number;
}

/** The reader's CPU between the first samples at or past `fromShare` and `toShare` of `total`. */
export function cpuBetween(samples: readonly CpuSample[], total: number, fromShare: number, toShare: number): CpuUse | null {
  const start = samples.find((sample) => sample.count >= fromShare * total);
  const end = samples.find((sample) => sample.count >= toShare * total);
  if (!start || !end || end.count <= start.count || end.at <= start.at) return null;
  const cpu = end.cpuSeconds - start.cpuSeconds;
  return { usPerEvent: (cpu * 1e6) / (end.count - start.count), share: (cpu * 1000) / (end.at - start.at) };
}
