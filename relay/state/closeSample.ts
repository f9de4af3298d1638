// Time-to-close figures from a bounded sample: the most recent N durations of a day, in a ring.
// A normal day closes a few hundred incidents, so the sample usually is the whole day and the
// median and p90 are exact; under load they describe the latest N closes.

export interface CloseSample {
  durations: Float64Array;
  /** Durations added so far (the ring holds the last `durations.length`). */
  added: number;
}

export function createCloseSample(size: number): CloseSample {
  return { durations: new Float64Array(size), added: 0 };
}

export function addDuration(sample: CloseSample, ms: number): void {
  sample.durations[sample.added % sample.durations.length] = Math.max(0, ms);
  sample.added++;
}

export interface CloseQuantiles {
  medianMs: number | null;
  p90Ms: number | null;
}

/** Nearest-rank median and 90th percentile of the sample (null when it is empty). */
export function closeQuantiles(sample: CloseSample): CloseQuantiles {
  const held = Math.min(sample.added, sample.durations.length);
  if (held === 0) return { medianMs: null, p90Ms: null };
  const sorted = sample.durations.slice(0, held).sort();
  const rank = (q: number) => sorted[Math.max(0, Math.ceil(q * held) - 1)] ?? 0;
  return { medianMs: rank(0.5), p90Ms: rank(0.9) };
}
