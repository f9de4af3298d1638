// Where each Kafka fetch is aimed: the broker holds it until just before a broadcast tick, and
// that tick waits for its records (tickLoop.ts). An event is shown at the first tick after the
// relay has read it, so a fetch that ends at the tick costs an event no more time on its way to
// the walls than one that ends the moment the event arrives; and at any rate the relay fetches
// about once a tick (4 times a second at 4 Hz, not 40 with a fixed 25 ms wait). kafkajs spends
// over a millisecond of CPU per fetch of fifteen partitions, empty or not (docs/benchmarks.md):
// most of what an idle relay did.

/** Time before its tick at which a fetch's answer is asked for: the broker's answer on its way. */
export const LEAD_MS = 5;
/** A fetch that would end sooner than this is aimed at the tick after instead. */
export const MIN_WAIT_MS = 5;
/**
 * The longest a fetch is held, whatever the tick rate (TICK_HZ goes down to 0.1): an answer at
 * least every second keeps the upstream's status (unavailable after 5 s without one) and stopping
 * quick. Slow ticks get several fetches each, the last one aimed at the tick.
 */
export const MAX_WAIT_MS = 1_000;

export interface FetchAim {
  /** How long the broker may hold the fetch. */
  waitMs: number;
  /** The tick it is aimed at: 0 the next one, 1 the one after; null when it ends long before any. */
  ticksAhead: number | null;
}

/** The aim of a fetch starting `msToNextTick` before the next tick (negative: that tick is late), with ticks `periodMs` apart. */
export function fetchAim(msToNextTick: number, periodMs: number): FetchAim {
  const wait = msToNextTick - LEAD_MS;
  const ticksAhead = wait < MIN_WAIT_MS ? Math.ceil((MIN_WAIT_MS - wait) / periodMs) : 0;
  const aimed = Math.round(Math.min(wait + ticksAhead * periodMs, periodMs + MIN_WAIT_MS));
  return aimed > MAX_WAIT_MS ? { waitMs: MAX_WAIT_MS, ticksAhead: null } : { waitMs: aimed, ticksAhead };
}
