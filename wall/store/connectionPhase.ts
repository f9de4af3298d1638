// What the title bar says about the data on screen. The socket's own status is not enough: a
// connected relay whose ticks stopped, or one that ticks while no upstream system delivers, is
// not "live" either. The relay sends a delta every tick even when nothing happened, so silence
// on the socket is itself the signal. Upstream is unavailable when the relay says it has lost
// Kafka (its `upstream` message), or when no source has delivered for two minutes (Kafka up,
// but the systems that feed it silent). A relay that has just started sends no figures until it
// has rebuilt today from Kafka, only a heartbeat: the wall keeps its figures, marked rebuilding.
import { SOURCES, type Source } from '../../relay/contract/kinds.ts';
import type { LinkStatus } from '../../relay/protocol/relayClient.ts';
import type { Freshness } from '../../relay/protocol/snapshot.ts';

export type ConnectionPhase =
  | 'connecting'
  | 'live'
  | 'reconnecting'
  | 'rebuilding'
  | 'stale'
  | 'upstream-unavailable'
  | 'unauthorized';


/**
 * Where the open connection stands: waiting for its first snapshot, told the relay is rebuilding
 * (no figures until it is ready), or in step (a snapshot came since it connected).
 */
export type RelaySync = 'awaiting' | 'rebuilding' | 'synced';

/** The least silence that counts as stale, whatever the tick rate. */
export const STALE_MIN_MS = 5_000;
/** Ticks that may be missed before the data counts as stale. */
export const STALE_TICKS = 3;
/** No source has delivered an event to the relay for this long: upstream is presumed down. */
export const UPSTREAM_SILENT_MS = 120_000;

export interface PhaseInputs {
  link: LinkStatus;
  sync: RelaySync;
  /** Whether there is a view on screen (kept through reconnects). */
  hasView: boolean;
  /** Time since the last message from the relay; null before the first. */
  sinceMessageMs: number | null;
  /** The relay's tick interval as last observed; null before two deltas. */
  tickMs: number | null;
  freshness: Record<Source, Freshness> | null;
  /** The relay's clock now (estimated from the last message). */
  relayNow: number;
  /** What the relay last said of its upstream; null before it said anything. */
  upstreamAvailable: boolean | null;
}

export function staleAfterMs(tickMs: number | null): number {
  return Math.max(STALE_MIN_MS, STALE_TICKS * (tickMs ?? 0));
}

function upstreamSilent(freshness: Record<Source, Freshness>, relayNow: number): boolean {
  return SOURCES.every((source) => {
    const { receivedAt } = freshness[source];
    return receivedAt === null || relayNow - receivedAt > UPSTREAM_SILENT_MS;
  });
}

export function connectionPhase(inputs: PhaseInputs): ConnectionPhase {
  const { link, sync, hasView, sinceMessageMs, tickMs, freshness, relayNow, upstreamAvailable } = inputs;
  const waiting = hasView ? 'reconnecting' : 'connecting';
  if (link === 'refused') return 'unauthorized';
  if (link !== 'open') return waiting;
  if (sinceMessageMs !== null && sinceMessageMs > staleAfterMs(tickMs)) return hasView ? 'stale' : 'connecting';
  if (upstreamAvailable === false) return 'upstream-unavailable';
  if (sync === 'rebuilding') return 'rebuilding';
  if (sync === 'awaiting' || !hasView) return waiting;
  if (freshness && upstreamSilent(freshness, relayNow)) return 'upstream-unavailable';
  return 'live';
}
