// One relay (ours or the naive one, a child process) fed a steady rate with the crowd of walls
// attached: what its process spent in CPU, from the first event until every wall had been shown
// them all, and what the walls received on the wire — both per event a wall was shown.
import { ratio } from '../figures.ts';
import type { BenchContext } from '../context.ts';
import { awaitDelivery } from '../crowd/awaitDelivery.ts';
import type { Crowd } from '../crowd/crowd.ts';
import { countedEvents, sendLoad } from '../infra/loadStream.ts';
import { cpuSecondsOf } from '../infra/procCpu.ts';

const STILL_MS = 10_000;

export interface FeedRun {
  /** Counted events sent (all but closed follow-ups and case steps). */
  sent: number;
  /** The rate the producer achieved, events/s. */
  sentRate: number;
  /** Counted events each wall was shown, on average, and whether every wall got all of them. */
  delivered: number;
  complete: boolean;
  /** Seconds from the producer's end until the walls had everything (or the wait gave up). */
  drainSeconds: number;
  cpuSeconds: number;
  /** Relay CPU µs per event shown to the walls. */
  cpuUsPerEvent: number | null;
  /** Bytes each wall received per event it was shown. */
  bytesPerEvent: number | null;
}

export interface FeedOptions {
  prefix: string;
  /** The relay's process. */
  pid: number;
  crowd: Crowd;
  rate: number;
  seconds: number;
}

export async function feedRelay(context: BenchContext, { prefix, pid, crowd, rate, seconds }: FeedOptions): Promise<FeedRun> {
  await crowd.mark();
  const cpuBefore = cpuSecondsOf(pid);
  const run = await sendLoad(context.load, { prefix, rate, seconds });
  const producedAt = Date.now();
  const sent = countedEvents(run.truth);
  const delivery = await awaitDelivery(crowd, { expected: sent, timeoutMs: 60_000 + 5_000 * seconds, stillMs: STILL_MS });
  const cpuSeconds = cpuSecondsOf(pid) - cpuBefore;
  const { meanDelivered, bytes, walls } = delivery.totals;
  return {
    sent,
    sentRate: (run.truth.events * 1000) / run.elapsedMs,
    delivered: meanDelivered,
    complete: delivery.complete,
    drainSeconds: (delivery.at - producedAt) / 1000,
    cpuSeconds,
    cpuUsPerEvent: ratio(cpuSeconds * 1e6, meanDelivered),
    bytesPerEvent: ratio(bytes / Math.max(1, walls), meanDelivered),
  };
}
