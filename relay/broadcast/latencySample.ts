// Message timestamps of the events applied since the last tick, for the event-to-emit latency
// histogram. A fixed-size uniform sample (reservoir sampling), so at any rate the memory and the
// per-tick histogram work stay bounded while the distribution stays fair.

export interface LatencySample {
  add(timestamp: number): void;
  /** Hands every sampled timestamp to `observe` and empties the sample. */
  drain(observe: (timestamp: number) => void): void;
}

export function createLatencySample(capacity: number, random: () => number = Math.random): LatencySample {
  const stamps = new Float64Array(capacity);
  let seen = 0;
  return {
    add(timestamp) {
      if (seen < capacity) {
        stamps[seen] = timestamp;
      } else {
        const slot = Math.floor(random() * (seen + 1));
        if (slot < capacity) stamps[slot] = timestamp;
      }
      seen++;
    },
    drain(observe) {
      const kept = Math.min(seen, capacity);
      for (let i = 0; i < kept; i++) observe(stamps[i]!);
      seen = 0;
    },
  };
}
