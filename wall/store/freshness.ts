// Per-source freshness: how long ago the newest event happened, and whether that is long
// enough for the operator to worry. Ages are measured on the relay's clock (estimated from the
// last message), so a wall PC whose clock is off does not make a live source look stale.
import type { Freshness } from '../../relay/state/view.ts';

/** Past this, the source is shown amber: quieter than any source should be in daytime. */
export const QUIET_AFTER_MS = 60_000;
/** Past this, red. */
export const STALE_AFTER_MS = 5 * 60_000;

export type FreshnessLevel = 'fresh' | 'quiet' | 'stale' | 'none';

export interface SourceFreshness {
  /** Since the newest event's own time; null before the first event of the day. */
  ageMs: number | null;
  level: FreshnessLevel;
}

/**
 * By the event's time (lastTs), not its arrival: after a relay restart every rebuilt event has
 * just "arrived", but only its own time says how long the source has really been silent.
 */
export function freshnessOf(freshness: Freshness, relayNow: number): SourceFreshness {
  if (freshness.lastTs === null) return { ageMs: null, level: 'none' };
  const ageMs = Math.max(0, relayNow - freshness.lastTs);
  const level = ageMs > STALE_AFTER_MS ? 'stale' : ageMs > QUIET_AFTER_MS ? 'quiet' : 'fresh';
  return { ageMs, level };
}
