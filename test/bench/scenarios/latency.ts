// Our relay's produce-to-wall latency at a given rate, measured the simulator's way: probe walls
// time each counted event by ordinal, from the moment its batch was handed to the producer to
// the arrival of the first delta whose totals include it (simulator/measure/session.ts).
import { OrdinalLog } from '../../../simulator/measure/ordinalLog.ts';
import { startMeasurement } from '../../../simulator/measure/session.ts';
import type { BenchContext } from '../context.ts';
import { sendLoad } from '../infra/loadStream.ts';
import { PROBES } from '../plan.ts';

export interface LatencyRun {
  rate: number;
  p50Ms: number | null;
  p99Ms: number | null;
  /** Events timed. */
  timed: number;
  /** Whether the relay's counts matched what was sent once the run ended. */
  settled: string;
  /** Deltas the probes missed (a gap they resynced from). */
  gaps: number;
}

export interface LatencyOptions {
  relayUrl: string;
  prefix: string;
  rate: number;
  seconds: number;
}

export async function measureLatency(context: BenchContext, { relayUrl, prefix, rate, seconds }: LatencyOptions): Promise<LatencyRun> {
  const log = new OrdinalLog();
  const measurement = await startMeasurement({ relayUrl, probes: PROBES, wallToken: null, log, startedAt: Date.now() });
  try {
    const run = await sendLoad(context.load, { prefix, rate, seconds, onSent: (events, at) => log.record(events, at) });
    const result = await measurement.finish(run.truth);
    const overall = result.latency.overall;
    return {
      rate,
      p50Ms: overall?.p50 ?? null,
      p99Ms: overall?.p99 ?? null,
      timed: overall?.count ?? 0,
      settled: result.settle.outcome,
      gaps: result.probes.reduce((sum, probe) => sum + probe.gaps, 0),
    };
  } catch (error) {
    measurement.close();
    throw error;
  }
}
