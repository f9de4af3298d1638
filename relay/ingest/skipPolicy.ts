// When the relay gives up on a record batch it cannot read and moves past it. A batch that does
// not decode or is corrupt reads the same on every fetch: at once. A batch larger than the fetch
// allows may still come whole (a broker sends an oversized batch when it leads a response), so it
// is skipped only once it has stood in the way at the same offset for a grace period.
import type { SkippedBatch } from './record.ts';

export const TOO_LARGE_GRACE_MS = 10_000;

export interface SkipPolicy {
  /** True: skip the batch now; false: fetch it again. */
  moveOn(batch: SkippedBatch): boolean;
}

export function createSkipPolicy(now: () => number, graceMs = TOO_LARGE_GRACE_MS): SkipPolicy {
  const blocking = new Map<string, { offset: string; since: number }>();
  return {
    moveOn(batch) {
      if (batch.reason !== 'too_large') return true;
      const key = `${batch.topic}\u0000${batch.partition}`;
      const seen = blocking.get(key);
      if (seen?.offset !== batch.firstOffset) {
        blocking.set(key, { offset: batch.firstOffset, since: now() });
        return false;
      }
      if (now() - seen.since < graceMs) return false;
      blocking.delete(key);
      return true;
    },
  };
}
