// The broadcast tick: at a fixed rate, one delta from the state to all walls — whatever the
// event rate, a wall receives exactly the tick rate (an empty delta is still a heartbeat that
// says "nothing new, and the relay is alive"). Each tick also publishes its view for
// GET /api/state. Ticks are due at fixed times from the start, not a period after the last one,
// so a tick made late by a busy moment does not push every later one back: the rate holds.
//
// Kafka's fetches are aimed at the ticks (fetchWait.ts): a fetch asks the broker to hold it until
// just before a tick, and that tick waits for its records, up to HOLD_MS, so that they are shown
// at once and not a tick later. The upstream says when it fetches again, which is when all it
// fetched before has been applied.
import { performance } from 'node:perf_hooks';
import { fetchAim } from '../ingest/fetchWait.ts';
import { log } from '../log.ts';
import type { RelayMetrics } from '../metrics.ts';
import { takeDelta, type RelayState } from '../state/index.ts';
import type { LatencySample } from './latencySample.ts';
import type { TickView } from './tickView.ts';
import type { WallServer } from './wallServer.ts';

/** The longest a tick waits for the fetch aimed at it; then its records go with the next. */
export const HOLD_MS = 40;

export interface TickLoopOptions {
  hz: number;
  state: RelayState;
  walls: Pick<WallServer, 'send'>;
  /** Where the tick's view goes for GET /api/state. */
  view: Pick<TickView, 'set'>;
  /** False while the relay rebuilds today: walls get a heartbeat instead of figures. */
  isReady(): boolean;
  /** Message timestamps of the events applied since the last tick. */
  latency: LatencySample;
  metrics: Pick<RelayMetrics, 'tickDuration' | 'eventToEmit'>;
  now(): number;
}

export interface TickLoop {
  /** A tick now, out of turn: when the relay becomes ready, walls and /api/state need not wait. */
  tickNow(): void;
  /**
   * The upstream fetches again (all it fetched before is applied): how long the broker may hold
   * this fetch. The tick it is aimed at waits for it.
   */
  fetchStarts(): number;
  stop(): void;
}

export function startTickLoop({ hz, state, walls, view, isReady, latency, metrics, now }: TickLoopOptions): TickLoop {
  const tick = () => {
    const started = performance.now();
    try {
      const delta = takeDelta(state, now());
      // What the delta brought walls to: the snapshot of this tick.
      view.set(state.sent);
      walls.send({ delta, view: state.sent, ready: isReady() });
      const emittedAt = now();
      latency.drain((timestamp) => metrics.eventToEmit.observe(Math.max(0, emittedAt - timestamp) / 1000));
    } catch (error) {
      // A bug in one tick must not stop the wall's updates for good.
      log.error({ err: error }, 'broadcast tick failed');
    }
    metrics.tickDuration.observe((performance.now() - started) / 1000);
  };
  const period = 1000 / hz;
  let due = performance.now() + period;
  let timer: NodeJS.Timeout;
  /** The due time of the tick the fetch in flight is aimed at; null when none is. */
  let awaited: number | null = null;
  let holding = false;
  const run = () => {
    clearTimeout(timer);
    holding = false;
    tick();
    due += period;
    // More than a period behind (the process was stopped or starved): start afresh from now
    // instead of sending the missed ticks in a burst.
    if (performance.now() - due > period) due = performance.now();
    timer = setTimeout(next, Math.max(0, due - performance.now()));
  };
  const next = () => {
    if (awaited === null || Math.abs(awaited - due) > 1) return run();
    holding = true;
    timer = setTimeout(run, HOLD_MS);
  };
  timer = setTimeout(next, period);
  return {
    tickNow: tick,
    fetchStarts: () => {
      if (holding) run();
      const { waitMs, ticksAhead } = fetchAim(due - performance.now(), period);
      awaited = ticksAhead === null ? null : due + ticksAhead * period;
      return waitMs;
    },
    stop: () => clearTimeout(timer),
  };
}
