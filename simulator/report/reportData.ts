// Everything a run found out, as one plain JSON object: what was asked, how time was treated,
// the ground truth of what was sent, the achieved rate over time, and — with a relay — delivered
// versus sent, latencies and what each probe wall saw; then the thresholds judged on those
// figures. `--report` writes it as is; the HTML report and the summary are drawn from it. Pure.
import type { Kind, Source } from '../../relay/contract/index.ts';
import type { Flags } from '../flags.ts';
import type { GroundTruth, Tally } from '../groundTruth.ts';
import type { Delivery } from '../measure/delivery.ts';
import type { LatencyPoint } from '../measure/latencyStats.ts';
import type { Percentiles } from '../measure/percentiles.ts';
import type { ProbeStats } from '../measure/probeTracker.ts';
import type { MeasurementResult } from '../measure/session.ts';
import type { SettleOutcome } from '../measure/settle.ts';
import type { RunResult } from '../run.ts';
import { evaluateThresholds, type Threshold, type ThresholdFigures, type ThresholdResult } from '../thresholds.ts';
import type { Speed } from '../timeline.ts';

/** The options of the run; the wall token is never written, only whether one was given. */
export interface ReportOptions {
  input: { profile: string } | { file: string };
  sources: Source[] | null;
  /** Null for a replayed file, whose events are as they are. */
  seed: number | null;
  rate: number | null;
  durationMs: number | null;
  from: string | null;
  to: string | null;
  speed: Speed;
  target: Flags['target'];
  relay: { url: string; probes: number; wallToken: boolean } | null;
  thresholds: string[];
}

export interface TimeMode {
  /** `live`: shifted to start now and compressed by the speed; `historical`: timestamps kept. */
  timestamps: RunResult['timestamps'];
  speed: Speed;
  description: string;
}

export interface ProbeReport extends ProbeStats {
  /** Mean over the whole seconds the probe was connected (its first and last are partial). */
  meanDeltasPerSecond: number | null;
}

export interface RunReport {
  tool: 'shiquan-simulator';
  reportVersion: 1;
  startedAt: string;
  endedAt: string;
  /** Every threshold held (true when there are none). */
  passed: boolean;
  options: ReportOptions;
  target: string;
  timeMode: TimeMode;
  sent: {
    events: number;
    elapsedMs: number;
    averageRate: number;
    bySource: Record<Source, Tally>;
    byKind: Partial<Record<Kind, Tally>>;
    ids: { first: GroundTruth['first']; last: GroundTruth['last'] };
  };
  rate: { perSecond: number[]; peak: number };
  /** When Kafka did not take events (down, restarting) and the run waited: the gaps in `rate`. */
  outages: { from: string; to: string; ms: number; error: string }[];
  delivery:
    | (Delivery & { relayUrl: string; baselineDay: string; settle: { outcome: SettleOutcome; waitedMs: number } })
    | { relayUrl: string; baselineDay: string; settle: { outcome: SettleOutcome; waitedMs: number }; unavailable: string }
    | null;
  latency: { method: string; unit: 'ms'; overall: Percentiles | null; series: LatencyPoint[] } | null;
  probes: ProbeReport[];
  thresholds: ThresholdResult[];
}

export interface ReportInput {
  options: ReportOptions;
  startedAt: number;
  endedAt: number;
  run: RunResult;
  targetName: string;
  ratePerSecond: number[];
  measurement: MeasurementResult | null;
}

export function reportOptions(flags: Flags, speed: Speed): ReportOptions {
  return {
    input: flags.input,
    sources: flags.sources,
    seed: 'file' in flags.input ? null : flags.seed,
    rate: flags.rate ?? null,
    durationMs: flags.durationMs ?? null,
    from: flags.from ?? null,
    to: flags.to ?? null,
    speed,
    target: flags.target,
    relay: flags.measure && { url: flags.measure.relayUrl, probes: flags.measure.probes, wallToken: flags.measure.wallToken !== null },
    thresholds: flags.thresholds.map((threshold) => threshold.expression),
  };
}

export function describeTimeMode(timestamps: RunResult['timestamps'], speed: Speed): string {
  if (timestamps === 'live') {
    return speed === 'max'
      ? 'live: each event stamped with the wall-clock time it was sent, as fast as the target took them'
      : `live: the events' timeline shifted to start at the run's start and compressed ${speed}× on the wall clock`;
  }
  return speed === 'max'
    ? 'historical: events keep their own timestamps, written as fast as the target took them'
    : `historical: events keep their own timestamps, paced ${speed}× faster than their clock`;
}

function probeReport(stats: ProbeStats): ProbeReport {
  const whole = stats.deltasPerSecond.length > 2 ? stats.deltasPerSecond.slice(1, -1) : [];
  const meanDeltasPerSecond = whole.length > 0 ? whole.reduce((sum, n) => sum + n, 0) / whole.length : null;
  return { ...stats, meanDeltasPerSecond };
}

function deliveryReport(measurement: MeasurementResult): NonNullable<RunReport['delivery']> {
  const { relayUrl, baselineDay, settle, delivery } = measurement;
  if (delivery) return { relayUrl, baselineDay, settle, ...delivery };
  return { relayUrl, baselineDay, settle, unavailable: `the relay's day moved on more than once after ${baselineDay}` };
}

function figuresOf(report: Omit<RunReport, 'thresholds' | 'passed'>): ThresholdFigures {
  const overall = report.latency?.overall ?? null;
  const delivery = report.delivery && 'total' in report.delivery ? report.delivery.total : null;
  const probes = report.latency ? report.probes : null;
  return {
    p50: overall?.p50 ?? null,
    p95: overall?.p95 ?? null,
    p99: overall?.p99 ?? null,
    max: overall?.max ?? null,
    loss: delivery?.loss ?? null,
    dup: delivery?.dup ?? null,
    gaps: probes && probes.length > 0 ? probes.reduce((sum, probe) => sum + probe.gaps, 0) : null,
    rate: report.sent.averageRate,
  };
}

export function buildReport(input: ReportInput, thresholds: readonly Threshold[]): RunReport {
  const { run, measurement } = input;
  const { truth } = run;
  const seconds = run.elapsedMs / 1000;
  const body: Omit<RunReport, 'thresholds' | 'passed'> = {
    tool: 'shiquan-simulator',
    reportVersion: 1,
    startedAt: new Date(input.startedAt).toISOString(),
    endedAt: new Date(input.endedAt).toISOString(),
    options: input.options,
    target: input.targetName,
    timeMode: { timestamps: run.timestamps, speed: input.options.speed, description: describeTimeMode(run.timestamps, input.options.speed) },
    sent: {
      events: truth.events,
      elapsedMs: run.elapsedMs,
      averageRate: seconds > 0 ? Math.round(truth.events / seconds) : truth.events,
      bySource: truth.bySource,
      byKind: truth.byKind,
      ids: { first: truth.first, last: truth.last },
    },
    rate: { perSecond: input.ratePerSecond, peak: input.ratePerSecond.reduce((peak, n) => Math.max(peak, n), 0) },
    outages: run.outages.map(({ from, to, error }) => ({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), ms: to - from, error })),
    delivery: measurement && deliveryReport(measurement),
    latency: measurement && {
      method: measurement.latency.method,
      unit: 'ms',
      overall: measurement.latency.overall,
      series: measurement.latency.series,
    },
    probes: measurement ? measurement.probes.map(probeReport) : [],
  };
  const results = evaluateThresholds(thresholds, figuresOf(body));
  return { ...body, passed: results.every((result) => result.ok), thresholds: results };
}

export function reportJson(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
