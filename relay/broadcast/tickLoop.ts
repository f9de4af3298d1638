// The broadcast tick: at a fixed rate, one delta from the state to all walls — whatever the
// event rate, a wall receives exactly the tick rate (an empty delta is still a heartbeat that
// says "nothing new, and the relay is alive").
import { performance } from 'node:perf_hooks';
import { log } from '../log.ts';
import type { RelayMetrics } from '../metrics.ts';
import { takeDelta, type RelayState } from '../state/index.ts';
import type { LatencySample } from './latencySample.ts';
import type { WallServer } from './wallServer.ts';

export interface TickLoopOptions {
  hz: number;
  state: RelayState;
  walls: Pick<WallServer, 'send'>;
  /** Message timestamps of the events applied since the last tick. */
  latency: LatencySample;
  metrics: Pick<RelayMetrics, 'tickDuration' | 'eventToEmit'>;
  now(): number;
}

export interface TickLoop {
  stop(): void;
}

export function startTickLoop({ hz, state, walls, latency, metrics, now }: TickLoopOptions): TickLoop {
  const tick = () => {
    const started = performance.now();
    try {
      walls.send(takeDelta(state, now()));
      const emittedAt = now();
      latency.drain((timestamp) => metrics.eventToEmit.observe(Math.max(0, emittedAt - timestamp) / 1000));
    } catch (error) {
      // A bug in one tick must not stop the wall's updates for good.
      log.error({ err: error }, 'broadcast tick failed');
    }
    metrics.tickDuration.observe((performance.now() - started) / 1000);
  };
  const timer = setInterval(tick, 1000 / hz);
  return { stop: () => clearInterval(timer) };
}
