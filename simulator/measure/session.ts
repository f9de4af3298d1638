// Measuring a relay during a run: before the first event, wait until the relay is ready, take
// its counts as the baseline and connect the probe walls; after the last one, let the relay
// settle, compare its counts with the ground truth, and collect what the probes saw.
import { setTimeout as sleep } from 'node:timers/promises';
import { SOURCES, type Source } from '../../relay/contract/index.ts';
import type { GroundTruth } from '../groundTruth.ts';
import { compareDelivery, deliveredExactly, type Delivery } from './delivery.ts';
import { LatencyStats, type LatencySummary } from './latencyStats.ts';
import type { OrdinalLog } from './ordinalLog.ts';
import { ProbeTracker, type ProbeStats } from './probeTracker.ts';
import { connectProbe, type ProbeWall } from './probeWall.ts';
import { countsSince } from './relayCounts.ts';
import { fetchCounts, waitUntilReady } from './relayHttp.ts';
import { settle, type SettleOutcome } from './settle.ts';

const READY_TIMEOUT_MS = 30_000;
const PROBE_CONNECT_TIMEOUT_MS = 10_000;
const SETTLE = { stableMs: 5_000, maxMs: 120_000, pollMs: 250 };
/** After /api/state has settled, the walls need a tick or two to show the same counts. */
const PROBE_CATCH_UP_MS = 3_000;

export const LATENCY_METHOD =
  'by ordinal: deltas carry counts, not event ids, so the k-th counted event of a source that this run produced ' +
  "is taken as delivered when a probe wall first sees that source's total, since its first snapshot, reach k; " +
  'latency = arrival of that message − the moment the event was handed to the producer. Closed follow-ups are ' +
  "not in the relay's totals and are not timed.";

export interface MeasurementOptions {
  relayUrl: string;
  probes: number;
  wallToken: string | null;
  log: OrdinalLog;
  /** Epoch ms the run's clock starts at (series count seconds from it). */
  startedAt: number;
}

export interface MeasurementResult {
  relayUrl: string;
  /** The relay's local day when the run began. */
  baselineDay: string;
  settle: { outcome: SettleOutcome; waitedMs: number };
  /** Null when the relay's day moved on more than once during the run. */
  delivery: Delivery | null;
  latency: LatencySummary & { method: string };
  probes: ProbeStats[];
}

export interface Measurement {
  /** Settles, compares, and disconnects the probes. */
  finish(truth: GroundTruth): Promise<MeasurementResult>;
  /** Disconnects the probes (a run that failed). */
  close(): void;
}

async function connectAll(options: MeasurementOptions, trackers: ProbeTracker[]): Promise<ProbeWall[]> {
  const attempts = await Promise.allSettled(
    trackers.map((tracker) =>
      connectProbe({ relayUrl: options.relayUrl, token: options.wallToken, tracker, timeoutMs: PROBE_CONNECT_TIMEOUT_MS }),
    ),
  );
  const walls = attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
  const failed = attempts.find((attempt) => attempt.status === 'rejected');
  if (failed) {
    for (const wall of walls) wall.close();
    throw failed.reason;
  }
  return walls;
}

async function probesCaughtUp(trackers: readonly ProbeTracker[], totals: Record<Source, number>): Promise<void> {
  const deadline = Date.now() + PROBE_CATCH_UP_MS;
  const reached = (tracker: ProbeTracker) => {
    const delivered = tracker.delivered();
    return delivered !== null && SOURCES.every((source) => delivered.totals[source] >= totals[source]);
  };
  while (!trackers.every(reached) && Date.now() < deadline) await sleep(50);
}

export async function startMeasurement(options: MeasurementOptions): Promise<Measurement> {
  const { relayUrl, log, startedAt, wallToken } = options;
  await waitUntilReady(relayUrl, READY_TIMEOUT_MS);
  const base = await fetchCounts(relayUrl, wallToken);
  const latency = new LatencyStats(startedAt);
  const trackers = Array.from({ length: options.probes }, (_, i) => new ProbeTracker(i + 1, log, latency, startedAt));
  const walls = await connectAll(options, trackers);
  const close = () => walls.forEach((wall) => wall.close());

  return {
    close,
    async finish(truth) {
      try {
        const settled = await settle({
          ...SETTLE,
          read: async () => countsSince(base, await fetchCounts(relayUrl, wallToken)),
          matches: (counted) => deliveredExactly(compareDelivery(truth, counted)),
        });
        if (settled.counted) await probesCaughtUp(trackers, settled.counted.totals);
        return {
          relayUrl,
          baselineDay: base.today.day,
          settle: { outcome: settled.outcome, waitedMs: settled.waitedMs },
          delivery: settled.counted && compareDelivery(truth, settled.counted),
          latency: { method: LATENCY_METHOD, ...latency.summary() },
          probes: trackers.map((tracker) => tracker.stats()),
        };
      } finally {
        close();
      }
    },
  };
}
