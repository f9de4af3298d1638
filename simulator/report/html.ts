// The run report as one self-contained HTML page a tester can attach to a ticket: inline CSS,
// inline SVG charts of the rate and the latency over time, every value escaped; no script, no
// link, no image or font to fetch. Pure: RunReport → string.
import { KINDS, SOURCES } from '../../relay/contract/index.ts';
import type { Tally } from '../groundTruth.ts';
import type { DeliveryRow } from '../measure/delivery.ts';
import { escapeHtml } from './escape.ts';
import type { RunReport } from './reportData.ts';
import { lineChartSvg } from './svgChart.ts';

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",sans-serif;color:#1d2430;margin:24px auto;max-width:980px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d8dee8;padding-bottom:4px}
.verdict{display:inline-block;padding:2px 10px;border-radius:4px;font-weight:600;color:#fff}
.pass{background:#1f883d}.fail{background:#cf222e}.muted{color:#5b6473}
table{border-collapse:collapse;margin:6px 0}th,td{padding:3px 12px 3px 0;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}tr.bad td{color:#cf222e;font-weight:600}
thead th{border-bottom:1px solid #d8dee8}pre{background:#f4f6f9;padding:10px;overflow:auto;font-size:12px}
svg{display:block;margin:8px 0;max-width:100%;height:auto}svg .grid{stroke:#e3e7ee}svg .axis{stroke:#8a93a3}
svg .tick{font-size:11px;fill:#5b6473}svg .title{font-size:13px;font-weight:600;fill:#1d2430}.empty{color:#5b6473}
`;

const text = (value: unknown) => escapeHtml(String(value));
const count = (n: number) => n.toLocaleString('en-US');
const ms = (n: number) => `${count(Math.round(n))} ms`;
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;

function table(head: readonly string[], rows: readonly (readonly string[])[], numeric: (column: number) => boolean, bad?: (row: number) => boolean): string {
  const th = head.map((cell, i) => `<th${numeric(i) ? ' class="n"' : ''}>${cell}</th>`).join('');
  const body = rows
    .map((row, r) => {
      const cells = row.map((cell, i) => `<td${numeric(i) ? ' class="n"' : ''}>${cell}</td>`).join('');
      return `<tr${bad?.(r) ? ' class="bad"' : ''}>${cells}</tr>`;
    })
    .join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

const fromColumn = (first: number) => (column: number) => column >= first;

function overview(report: RunReport): string {
  const { options, sent } = report;
  const input = 'file' in options.input ? `file ${options.input.file}` : `profile ${options.input.profile}`;
  const rows: [string, string][] = [
    ['Started', report.startedAt],
    ['Ended', report.endedAt],
    ['Events from', input],
    ['Target', report.target],
    ['Time mode', report.timeMode.description],
    ['Events sent', count(sent.events)],
    ['Elapsed', seconds(sent.elapsedMs)],
    ['Average rate', `${count(sent.averageRate)} events/s (peak second ${count(report.rate.peak)})`],
    ['Event ids', sent.ids.first && sent.ids.last ? `${sent.ids.first.id} … ${sent.ids.last.id}` : 'none'],
  ];
  for (const outage of report.outages) {
    rows.push(['Kafka did not take events', `${outage.from} – ${outage.to} (${seconds(outage.ms)}): ${outage.error}; the run waited`]);
  }
  if (options.relay) rows.push(['Relay', `${options.relay.url}, ${options.relay.probes} probe wall(s)`]);
  return `<table>${rows.map(([k, v]) => `<tr><th>${text(k)}</th><td>${text(v)}</td></tr>`).join('')}</table>`;
}

function thresholds(report: RunReport): string {
  if (report.thresholds.length === 0) return '<p class="muted">No thresholds were set.</p>';
  const rows = report.thresholds.map((t) => [text(t.expression), t.value === null ? 'not measured' : text(count(t.value)), t.ok ? 'passed' : 'FAILED']);
  return table(['Threshold', 'Value', 'Result'], rows, fromColumn(1), (r) => !report.thresholds[r]?.ok);
}

function tallyRows(entries: readonly [string, Tally | undefined][]): string[][] {
  return entries.flatMap(([name, tally]) =>
    tally && tally.events > 0 ? [[text(name), count(tally.events), count(tally.opened), count(tally.closed), count(tally.steps)]] : [],
  );
}

function groundTruth(report: RunReport): string {
  const { bySource, byKind } = report.sent;
  const columns = ['Events', 'Incidents and cases opened', 'Closed follow-ups', 'Other case steps'];
  return (
    table(['Source', ...columns], tallyRows(SOURCES.map((s) => [s, bySource[s]])), fromColumn(1)) +
    table(['Kind', ...columns], tallyRows(KINDS.map((k) => [k, byKind[k]])), fromColumn(1))
  );
}

function deliveryRows(entries: readonly [string, DeliveryRow | undefined][]): { rows: string[][]; bad: boolean[] } {
  const present = entries.filter((entry): entry is [string, DeliveryRow] => entry[1] !== undefined && (entry[1].sent > 0 || entry[1].delivered > 0));
  return {
    rows: present.map(([name, row]) => [text(name), count(row.sent), count(row.delivered), count(row.loss), count(row.dup)]),
    bad: present.map(([, row]) => row.loss > 0 || row.dup > 0),
  };
}

function delivery(report: RunReport): string {
  const d = report.delivery;
  if (!d) return '<p class="muted">No relay was measured (run with --relay URL).</p>';
  const settled = `Counted by ${text(d.relayUrl)} (day ${text(d.baselineDay)}); settle: ${text(d.settle.outcome)} after ${seconds(d.settle.waitedMs)}. Closed follow-ups are not counted by the relay and are left out.`;
  if ('unavailable' in d) return `<p>${settled}</p><p>${text(d.unavailable)}</p>`;
  const columns = ['Sent', 'Delivered', 'Loss', 'Double counts'];
  const total = deliveryRows([['all', d.total], ...SOURCES.map((s): [string, DeliveryRow] => [s, d.bySource[s]])]);
  const kinds = deliveryRows(KINDS.map((k) => [k, d.byKind[k]]));
  return (
    `<p>${settled}</p>` +
    table(['Source', ...columns], total.rows, fromColumn(1), (r) => total.bad[r] === true) +
    table(['Kind', ...columns], kinds.rows, fromColumn(1), (r) => kinds.bad[r] === true)
  );
}

function latency(report: RunReport): string {
  const l = report.latency;
  if (!l) return '<p class="muted">No probe walls measured latency.</p>';
  const method = `<p class="muted">Method: ${text(l.method)}</p>`;
  if (!l.overall) return `<p>No event was seen delivered.</p>${method}`;
  const o = l.overall;
  const figures = table(['Observations', 'p50', 'p95', 'p99', 'max'], [[count(o.count), ms(o.p50), ms(o.p95), ms(o.p99), ms(o.max)]], () => true);
  const chart = lineChartSvg({
    title: 'End-to-end latency per second of arrival',
    xLabel: 'seconds since start',
    yLabel: 'ms',
    series: [
      { name: 'p50', color: '#1f6feb', points: l.series.map((p) => [p.second, p.p50] as const) },
      { name: 'p95', color: '#9a6700', points: l.series.map((p) => [p.second, p.p95] as const) },
      { name: 'p99', color: '#cf222e', points: l.series.map((p) => [p.second, p.p99] as const) },
      { name: 'max', color: '#8250df', points: l.series.map((p) => [p.second, p.max] as const) },
    ],
  });
  return figures + chart + method;
}

function probes(report: RunReport): string {
  if (report.probes.length === 0) return '<p class="muted">No probe walls.</p>';
  const rows = report.probes.map((p) => [
    text(p.probe),
    count(p.snapshots),
    count(p.deltas),
    p.meanDeltasPerSecond === null ? '–' : p.meanDeltasPerSecond.toFixed(2),
    count(p.gaps),
    count(p.disconnects),
  ]);
  return table(['Probe', 'Snapshots', 'Deltas', 'Deltas/s', 'Seq gaps', 'Disconnects'], rows, fromColumn(1), (r) => (report.probes[r]?.gaps ?? 0) > 0);
}

function rateChart(report: RunReport): string {
  return lineChartSvg({
    title: 'Events sent per second',
    xLabel: 'seconds since start',
    yLabel: 'events/s',
    series: [{ name: 'sent', color: '#1f883d', points: report.rate.perSecond.map((n, second) => [second, n] as const) }],
  });
}

export function reportHtml(report: RunReport): string {
  const verdict = report.passed ? '<span class="verdict pass">PASSED</span>' : '<span class="verdict fail">FAILED</span>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Simulator run ${text(report.startedAt)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>石泉 City Brain Wall — simulator run ${verdict}</h1>
<p class="muted">${text(report.startedAt)} · ${text(report.target)}</p>
<h2>Run</h2>
${overview(report)}
<h2>Thresholds</h2>
${thresholds(report)}
<h2>Rate</h2>
${rateChart(report)}
<h2>Latency</h2>
${latency(report)}
<h2>Delivered versus sent</h2>
${delivery(report)}
<h2>Probe walls</h2>
${probes(report)}
<h2>Sent (ground truth)</h2>
${groundTruth(report)}
<h2>Options</h2>
<pre>${text(JSON.stringify(report.options, null, 2))}</pre>
</body>
</html>
`;
}
