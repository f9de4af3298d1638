// Per-source freshness: how long ago the newest event happened, and whether that is long
// enough for the operator to worry. Ages are measured on the relay's clock (estimated from the
// last message), so a wall PC whose clock is off does not make a live source look stale.
// "Too long" depends on the source: a camera network sends an event a second, the 110 desk a
// few calls a day, so each source is judged against its own rate of yesterday.
import type { Freshness } from '../../relay/protocol/snapshot.ts';

/** The least silence shown amber, however busy the source. */
export const QUIET_AFTER_MS = 60_000;
/** The least silence shown red. */
export const STALE_AFTER_MS = 5 * 60_000;
/**
 * Silences as multiples of the source's mean gap between events. For events that arrive at
 * random, a gap of 3 means happens about one time in 20 (amber: worth a look), a gap of 7 means
 * about one time in a thousand (red: the feed is probably down).
 */
const QUIET_GAPS = 3;
const STALE_GAPS = 7;
const DAY_MS = 86_400_000;

export type FreshnessLevel = 'fresh' | 'quiet' | 'stale' | 'none';

export interface SourceFreshness {
  /** Since the newest event's own time; null before the first event of the day. */
  ageMs: number | null;
  level: FreshnessLevel;
}

/** The silences after which a source that sent `perDay` events yesterday turns amber and red. */
export function silenceLimits(perDay: number): { quietMs: number; staleMs: number } {
  const gapMs = perDay > 0 ? DAY_MS / perDay : 0;
  return { quietMs: Math.max(QUIET_AFTER_MS, QUIET_GAPS * gapMs), staleMs: Math.max(STALE_AFTER_MS, STALE_GAPS * gapMs) };
}

/**
 * By the event's time (lastTs), not its arrival: after a relay restart every rebuilt event has
 * just "arrived", but only its own time says how long the source has really been silent.
 * `perDay` is the source's count yesterday (0 when it sent nothing or there is no yesterday:
 * then only the fixed limits apply).
 */
export function freshnessOf(freshness: Freshness, relayNow: number, perDay = 0): SourceFreshness {
  if (freshness.lastTs === null) return { ageMs: null, level: 'none' };
  const ageMs = Math.max(0, relayNow - freshness.lastTs);
  const { quietMs, staleMs } = silenceLimits(perDay);
  const level = ageMs > staleMs ? 'stale' : ageMs > quietMs ? 'quiet' : 'fresh';
  return { ageMs, level };
}
