// The report turns what the scenarios found into figures: a scenario that stopped leaves its
// figures unmeasured with its reason, and the others stand; the table names the numbers behind
// each figure.
import { describe, expect, it } from 'vitest';
import type { FeedRun } from '../../bench/scenarios/feedRelay.ts';
import { QUICK_PLAN } from '../../bench/plan.ts';
import { figuresOf, tableLines } from '../../bench/report.ts';
import type { BenchResults } from '../../bench/results.ts';

const feed = (cpuUsPerEvent: number, bytesPerEvent: number): FeedRun => ({
  sent: 40_000,
  sentRate: 5_000,
  delivered: 40_000,
  complete: true,
  drainSeconds: 1,
  cpuSeconds: (cpuUsPerEvent * 40_000) / 1e6,
  cpuUsPerEvent,
  bytesPerEvent,
});

const results: BenchResults = {
  naiveFeed: feed(240, 120),
  oursFeed: feed(12, 18),
  ceiling: { rate: null, steps: [] },
  errors: { ingest: 'the raw consumer read 10 of 100 records in 300 s', wall: 'not asked for (--only)' },
};

describe('the report of a run', () => {
  it('judges the figures whose scenarios finished', () => {
    const figures = figuresOf(results, QUICK_PLAN);
    expect(figures.fanoutCpuRatio).toMatchObject({ value: 20, result: 'pass', from: { naiveCpuUsPerEvent: 240, oursCpuUsPerEvent: 12 } });
    expect(figures.bytesRatio).toMatchObject({ value: 0.15, result: 'pass' });
  });

  it("leaves a stopped scenario's figures unmeasured, with its reason", () => {
    const figures = figuresOf(results, QUICK_PLAN);
    expect(figures.ingestEfficiency).toMatchObject({ value: null, result: 'not measured', error: 'the raw consumer read 10 of 100 records in 300 s' });
    expect(figures.wallFpsRatio.error).toBe('not asked for (--only)');
    expect(figures.p99MinusTickMs.error).toMatch(/kept up with no rate tried/);
  });

  it('counts only the long tasks that are not there idle', () => {
    const phase = (longTasksPerMin: number) => ({ seconds: 16, fps: 1, ticks: 64, msPerTick: 5, longTasksPerMin });
    const page = { chromium: '156', webgl: 'llvmpipe' as const, viewport: { width: 1920, height: 1080 }, low: phase(40), pageErrors: [] };
    const more = figuresOf({ ...results, page: { ...page, idle: phase(45), high: phase(52.5) } }, QUICK_PLAN).wallLongTasksPerMin;
    expect(more).toMatchObject({ value: 7.5, result: 'miss', from: { longTasksPerMinLive: 52.5, longTasksPerMinIdle: 45 } });
    const fewer = figuresOf({ ...results, page: { ...page, idle: phase(45), high: phase(41.25) } }, QUICK_PLAN).wallLongTasksPerMin;
    expect(fewer).toMatchObject({ value: 0, result: 'pass' });
  });

  it('prints a line per figure with the numbers it came from', () => {
    const lines = tableLines(figuresOf(results, QUICK_PLAN));
    expect(lines).toHaveLength(2 + 9);
    expect(lines.find((line) => line.startsWith('fanoutCpuRatio'))).toMatch(/20\.0\s+≥ 20\s+pass\s+naiveCpuUsPerEvent 240, oursCpuUsPerEvent 12\.0$/);
    expect(lines.find((line) => line.startsWith('ingestEfficiency'))).toMatch(/—\s+≥ 0\.85\s+not measured/);
  });
});
