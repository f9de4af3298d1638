// The lines a run prints on stderr when it ends: what was sent; with a relay, what it counted
// and the latencies the probe walls saw; then each threshold's verdict.
import { isCaseSource, SOURCES } from '../relay/contract/index.ts';
import type { RunReport } from './report/reportData.ts';

const count = (n: number) => n.toLocaleString('en-US');

/** e.g. `simulate: 54,542 events to out.ndjson in 1.2 s (45,118/s, historical timestamps): sensor 49,… (23,… closed), alarm110 …` */
function sentLine(report: RunReport): string {
  const { sent } = report;
  const sources = SOURCES.filter((source) => sent.bySource[source].events > 0).map((source) => {
    const { events, opened, closed } = sent.bySource[source];
    const cases = isCaseSource(source) ? `${count(opened)} opened, ` : '';
    return `${source} ${count(events)}${closed > 0 || cases ? ` (${cases}${count(closed)} closed)` : ''}`;
  });
  const seconds = (sent.elapsedMs / 1000).toFixed(1);
  const head = `simulate: ${count(sent.events)} events to ${report.target} in ${seconds} s (${count(sent.averageRate)}/s, ${report.timeMode.timestamps} timestamps)`;
  return sources.length > 0 ? `${head}: ${sources.join(', ')}` : head;
}

function deliveryLine(delivery: NonNullable<RunReport['delivery']>): string {
  const settled = `${delivery.settle.outcome} after ${(delivery.settle.waitedMs / 1000).toFixed(1)} s`;
  if ('unavailable' in delivery) return `simulate: relay ${delivery.relayUrl}: ${delivery.unavailable} (settle: ${settled})`;
  const { total } = delivery;
  return `simulate: relay ${delivery.relayUrl} counted ${count(total.delivered)} of ${count(total.sent)} events (loss ${count(total.loss)}, dup ${count(total.dup)}; settle: ${settled})`;
}

function latencyLine(report: RunReport): string | null {
  if (!report.latency) return null;
  const walls = `${report.probes.length} probe wall${report.probes.length === 1 ? '' : 's'}`;
  const gaps = report.probes.reduce((sum, probe) => sum + probe.gaps, 0);
  const rates = report.probes.flatMap((probe) => (probe.meanDeltasPerSecond === null ? [] : [probe.meanDeltasPerSecond.toFixed(1)]));
  const deltas = `${rates.length > 0 ? `${rates.join('/')} deltas/s` : 'deltas/s not measured'}, ${count(gaps)} seq gaps`;
  const o = report.latency.overall;
  if (!o) return `simulate: latency: no event seen delivered by ${walls} (${deltas})`;
  return `simulate: latency p50 ${count(o.p50)} ms, p95 ${count(o.p95)} ms, p99 ${count(o.p99)} ms, max ${count(o.max)} ms by ordinal over ${walls} (${deltas})`;
}

/** e.g. `simulate: Kafka did not take events 1 time, 14.2 s in all, from 10:31:02Z (…); the run waited and sent them after` */
function outageLine(outages: RunReport['outages']): string | null {
  if (outages.length === 0) return null;
  const total = outages.reduce((sum, outage) => sum + outage.ms, 0);
  const last = outages[outages.length - 1]!;
  const times = outages.length === 1 ? '1 time' : `${outages.length} times`;
  const first = outages[0]!.from.slice(11, 19);
  return `simulate: Kafka did not take events ${times}, ${(total / 1000).toFixed(1)} s in all, from ${first} UTC (${last.error}); the run waited and sent them after`;
}

export function summaryLines(report: RunReport): string[] {
  const lines = [sentLine(report)];
  const outages = outageLine(report.outages);
  if (outages) lines.push(outages);
  if (report.delivery) lines.push(deliveryLine(report.delivery));
  const latency = latencyLine(report);
  if (latency) lines.push(latency);
  for (const result of report.thresholds) {
    const value = result.value === null ? 'not measured' : count(result.value);
    lines.push(`simulate: threshold ${result.expression} ${result.ok ? 'passed' : 'FAILED'} (${value})`);
  }
  return lines;
}
