// Whether the relay hears from its upstream, judged once a second from the source's last
// contact: an idle Kafka answers a fetch every 25 ms (kafkaSource.ts), so seconds of silence
// mean it is gone (not reachable at start, or lost since). Walls are told on every change; a
// gauge and /readyz tell operators.
import { log } from '../log.ts';
import type { RelayMetrics } from '../metrics.ts';
import type { UpstreamStatus } from '../protocol/events.ts';

/** Silence after which the upstream counts as unavailable. */
export const UPSTREAM_SILENCE_MS = 5_000;
const CHECK_MS = 1_000;

export function upstreamStatus(lastContact: number | null, now: number): UpstreamStatus {
  return { available: lastContact !== null && now - lastContact <= UPSTREAM_SILENCE_MS, lastContact };
}

export interface UpstreamWatchOptions {
  /** When the source last heard from upstream (epoch ms); null if never. */
  lastContact(): number | null;
  now(): number;
  onChange(status: UpstreamStatus): void;
  metrics: Pick<RelayMetrics, 'upstreamAvailable'>;
}

export interface UpstreamWatch {
  stop(): void;
}

export function startUpstreamWatch({ lastContact, now, onChange, metrics }: UpstreamWatchOptions): UpstreamWatch {
  let available: boolean | null = null;
  const check = () => {
    const status = upstreamStatus(lastContact(), now());
    metrics.upstreamAvailable.set(status.available ? 1 : 0);
    if (status.available === available) return;
    // The first judgement is not a change: walls get the status on connect anyway.
    if (available !== null) {
      if (status.available) log.info('upstream available');
      else log.warn({ lastContact: status.lastContact }, 'upstream unavailable');
      onChange(status);
    }
    available = status.available;
  };
  check();
  const timer = setInterval(check, CHECK_MS);
  return { stop: () => clearInterval(timer) };
}
