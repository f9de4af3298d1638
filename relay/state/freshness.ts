// Per-source freshness: the newest event time seen and when the latest event arrived, so the
// wall can say "last event 3 s ago" and turn a silent source visibly stale.
import { SOURCES, type Source } from '../contract/kinds.ts';
import type { Freshness } from '../protocol/snapshot.ts';

export function createFreshness(): Record<Source, Freshness> {
  const freshness = {} as Record<Source, Freshness>;
  for (const source of SOURCES) freshness[source] = { lastTs: null, receivedAt: null };
  return freshness;
}

/** Both values only move forward, also when events arrive out of order. */
export function noteArrival(freshness: Freshness, ts: number, now: number): void {
  if (freshness.lastTs === null || ts > freshness.lastTs) freshness.lastTs = ts;
  freshness.receivedAt = now;
}
