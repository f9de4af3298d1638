// How much a process's heap grew over a phase, judged by what survives collection: the lowest
// sample of the phase's first half against the lowest of its second half. A peak before a major
// collection says nothing about growth; the floor after one does. Halves, because at the
// relay's rates a major collection comes every 5–15 s, so each half of a phase of half a
// minute or more holds one; a steady climb then shows at about half its slope, a step in full.
// Pure.

export interface HeapFloors {
  /** Lowest sample of the first part. */
  start: number;
  /** Lowest sample of the last part. */
  end: number;
}

/** Floors of the first and last `share` of the samples; null with fewer than 2 samples. */
export function heapFloors(samples: readonly number[], share = 0.5): HeapFloors | null {
  if (samples.length < 2) return null;
  const part = Math.max(1, Math.floor(samples.length * share));
  return { start: Math.min(...samples.slice(0, part)), end: Math.min(...samples.slice(-part)) };
}
