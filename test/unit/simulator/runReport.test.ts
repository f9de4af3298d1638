// The run report: one JSON object with everything the run found out and the thresholds judged
// on it, and a self-contained HTML page drawn from it (inline SVG charts, every value escaped,
// nothing fetched).
import { describe, expect, it } from 'vitest';
import type { ProducerEvent } from '../../../relay/contract/index.ts';
import { parseFlags } from '../../../simulator/flags.ts';
import { GroundTruthRecorder } from '../../../simulator/groundTruth.ts';
import type { MeasurementResult } from '../../../simulator/measure/session.ts';
import { reportHtml } from '../../../simulator/report/html.ts';
import { buildReport, reportJson, reportOptions, type ReportInput } from '../../../simulator/report/reportData.ts';
import { lineChartSvg, niceStep } from '../../../simulator/report/svgChart.ts';

const HOSTILE = '"><script>alert(1)</script>';
const START = Date.UTC(2024, 4, 1, 4);

function truth() {
  const recorder = new GroundTruthRecorder();
  const events: ProducerEvent[] = [
    { id: 'load-1-a', ts: START, kind: 'smoke', compoundId: 'SQ-C01', status: 'open' },
    { id: 'load-1-b', ts: START, kind: 'face_access', compoundId: 'SQ-C02' },
    { id: 'load-1-c', ts: START + 1, kind: 'theft', compoundId: 'SQ-C03', status: 'open' },
  ];
  for (const event of events) recorder.record(event);
  return recorder.snapshot();
}

const measurement: MeasurementResult = {
  relayUrl: 'http://127.0.0.1:8080',
  baselineDay: '2024-05-01',
  settle: { outcome: 'stable', waitedMs: 5_000 },
  delivery: {
    total: { sent: 3, delivered: 2, loss: 1, dup: 0 },
    bySource: {
      sensor: { sent: 1, delivered: 1, loss: 0, dup: 0 },
      camera: { sent: 1, delivered: 1, loss: 0, dup: 0 },
      alarm110: { sent: 1, delivered: 0, loss: 1, dup: 0 },
      grid: { sent: 0, delivered: 0, loss: 0, dup: 0 },
      hotline: { sent: 0, delivered: 0, loss: 0, dup: 0 },
    },
    byKind: { theft: { sent: 1, delivered: 0, loss: 1, dup: 0 } },
  },
  latency: {
    method: 'by ordinal',
    overall: { count: 4, p50: 120, p95: 310, p99: 310, max: 310 },
    series: [
      { second: 0, count: 2, p50: 100, p95: 120, p99: 120, max: 120 },
      { second: 1, count: 2, p50: 300, p95: 310, p99: 310, max: 310 },
    ],
  },
  probes: [{ probe: 1, snapshots: 1, deltas: 12, gaps: 0, disconnects: 0, deltasPerSecond: [2, 4, 4, 2] }],
};

function input(argv: Record<string, string | string[]>, measured: MeasurementResult | null): { input: ReportInput; flags: ReturnType<typeof parseFlags> } {
  const flags = parseFlags(argv);
  const input: ReportInput = {
    options: reportOptions(flags, 1),
    startedAt: START,
    endedAt: START + 3_000,
    run: { truth: truth(), elapsedMs: 1_500, timestamps: flags.target.kind === 'kafka' ? 'live' : 'historical', outages: [] },
    targetName: flags.target.kind === 'kafka' ? 'Kafka k:9092 (shiquan.*)' : flags.target.path,
    ratePerSecond: [1, 2],
    measurement: measured,
  };
  return { input, flags };
}

const measuredRun = () =>
  input(
    {
      profile: 'load',
      brokers: 'k:9092',
      relay: 'http://127.0.0.1:8080/',
      wallToken: 'secret-token-1234',
      threshold: ['p99<500', 'loss==0', 'rate>=2', 'gaps==0'],
    },
    measurement,
  );

describe('run report', () => {
  it('records the time mode, what was sent and the rate, and judges every threshold', () => {
    const { input: data, flags } = measuredRun();
    const report = buildReport(data, flags.thresholds);
    expect(report.timeMode).toEqual({ timestamps: 'live', speed: 1, description: expect.stringMatching(/^live: .*shifted to start/) });
    expect(report.sent).toMatchObject({ events: 3, averageRate: 2, ids: { first: { id: 'load-1-a' }, last: { id: 'load-1-c' } } });
    expect(report.rate).toEqual({ perSecond: [1, 2], peak: 2 });
    expect(report.probes[0]?.meanDeltasPerSecond).toBe(4);
    expect(report.thresholds.map((t) => [t.expression, t.value, t.ok])).toEqual([
      ['p99<500', 310, true],
      ['loss==0', 1, false],
      ['rate>=2', 2, true],
      ['gaps==0', 0, true],
    ]);
    expect(report.passed).toBe(false);
  });

  it('passes with no thresholds, and never writes the wall token', () => {
    const { input: data } = measuredRun();
    const report = buildReport(data, []);
    expect(report.passed).toBe(true);
    expect(report.options.relay).toEqual({ url: 'http://127.0.0.1:8080', probes: 2, wallToken: true });
    expect(reportJson(report)).not.toContain('secret-token-1234');
    expect(JSON.parse(reportJson(report))).toEqual(report);
  });

  it('is one self-contained HTML page: inline style and SVG, nothing to fetch or run', () => {
    const { input: data, flags } = measuredRun();
    const html = reportHtml(buildReport(data, flags.thresholds));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<style>');
    expect(html.match(/<svg /g)).toHaveLength(2);
    for (const fetching of [/<script/i, /<link/i, /<img/i, /<iframe/i, /\bsrc\s*=/i, /\bhref\s*=/i, /url\(/i, /@import/i]) {
      expect(html).not.toMatch(fetching);
    }
    expect(html).toContain('FAILED');
  });

  it('escapes every value a tester typed', () => {
    const { input: data } = input({ out: `/tmp/${HOSTILE}.ndjson`, threshold: [`rate>=1`] }, null);
    data.options.thresholds = [HOSTILE];
    const html = reportHtml(buildReport(data, []));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('No relay was measured');
  });
});

describe('SVG line chart', () => {
  it('picks round tick steps', () => {
    expect([niceStep(2_637, 4), niceStep(10, 8), niceStep(0.3, 4), niceStep(0, 4)]).toEqual([1_000, 2, 0.1, 1]);
  });

  it('draws one polyline per series through every point, or says there is no data', () => {
    const svg = lineChartSvg({
      title: 'rate <per second>',
      xLabel: 's',
      yLabel: 'events/s',
      series: [{ name: 'sent', color: '#1f883d', points: [[0, 5], [1, 10], [2, 0]] }],
    });
    expect(svg.match(/<polyline [^>]*points="([^"]*)"/)?.[1]?.split(' ')).toHaveLength(3);
    expect(svg).toContain('rate &lt;per second&gt;');
    expect(lineChartSvg({ title: 'latency', xLabel: 's', yLabel: 'ms', series: [] })).toBe('<p class="empty">latency: no data.</p>');
  });
});
