// The acceptance run, shortened: a load run at 2,000 events/s into the real broker with a
// relay reading it, measured by probe walls — loss 0, double counts 0, latency percentiles, in
// the report and the thresholds. The full 60 s version is
//   npm run simulate -- --profile load --rate 2000 --duration 60s --brokers … --relay …
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../simulator/program.ts';
import type { RunReport } from '../../simulator/report/reportData.ts';
import { getState, spawnRelay, waitFor, type ChildRelay } from './support/relays.ts';

const brokers = inject('kafkaBrokers');
const prefix = `it-sim-relay-${randomUUID().slice(0, 8)}`;
const TOKEN = 'probe-token-shiquan-42';
const TICK_HZ = 4;
const SECONDS = 10;

let relay: ChildRelay;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'simulator-relay-'));
  // A relay of its own process, as in production: the probes' latency is not this test's event loop.
  relay = await spawnRelay({ brokers, prefix, tickHz: TICK_HZ, wallToken: TOKEN });
});

afterAll(async () => {
  await relay?.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
});

async function simulate(...argv: string[]): Promise<{ code: number; stderr: string[] }> {
  const stderr: string[] = [];
  const code = await runCli(argv, (line) => stderr.push(line), {});
  return { code, stderr };
}

describe('a load run measured on a relay', () => {
  it(`delivers ${SECONDS} s at 2,000 events/s with loss 0 and dup 0, and reports latency percentiles`, async () => {
    const report = join(dir, 'run.json');
    const html = join(dir, 'run.html');
    const run = await simulate(
      '--profile', 'load', '--rate', '2000', '--duration', `${SECONDS}s`,
      '--brokers', brokers, '--topic-prefix', prefix,
      '--relay', relay.url, '--wall-token', TOKEN,
      '--threshold', 'loss==0', '--threshold', 'dup==0', '--threshold', 'p99<10000', '--threshold', 'rate>=1900',
      '--report', report, '--html', html,
    );
    expect(run.code, run.stderr.join('\n')).toBe(0);
    const result = JSON.parse(await readFile(report, 'utf8')) as RunReport;

    expect(result.sent.events).toBe(19_650);
    expect(result.delivery).toMatchObject({ total: { loss: 0, dup: 0 }, settle: { outcome: 'matched' } });
    const counted = result.sent.events - followUps(result);
    expect(result.delivery && 'total' in result.delivery ? result.delivery.total.delivered : null).toBe(counted);
    // Grid and hotline cases stepped through in order, each case's events on one partition: every step taken, none refused.
    const { grid, hotline } = result.sent.bySource;
    expect(grid.steps).toBeGreaterThan(0);
    const { rejected, cases } = await waitFor('every case step applied', async () => {
      const state = await getState(relay.url, TOKEN);
      const { dispatched, handled, closed } = state.cases.grid.today;
      return dispatched + handled + closed === grid.steps + grid.closed ? state : undefined;
    });
    expect(Object.values(rejected).reduce((sum, n) => sum + n, 0)).toBe(0);
    expect([cases.grid.today.dispatched + cases.grid.today.handled, cases.grid.today.closed]).toEqual([grid.steps, grid.closed]);
    const { contacted, finished, reviewed, closed } = cases.hotline.today;
    expect([contacted + finished + reviewed, closed]).toEqual([hotline.steps, hotline.closed]);

    const latency = result.latency?.overall;
    expect(latency?.count).toBe(2 * counted);
    expect(latency!.p50).toBeGreaterThan(0);
    expect(latency!.p50).toBeLessThanOrEqual(latency!.p95);
    expect(latency!.p95).toBeLessThanOrEqual(latency!.p99);
    expect(latency!.p99).toBeLessThanOrEqual(latency!.max);
    expect(result.latency?.series.length).toBeGreaterThanOrEqual(SECONDS - 1);

    expect(result.probes).toHaveLength(2);
    for (const probe of result.probes) {
      expect(probe.snapshots).toBeGreaterThanOrEqual(1);
      // One delta per tick, whatever the event rate.
      expect(probe.meanDeltasPerSecond).toBeGreaterThan(TICK_HZ - 1);
      expect(probe.meanDeltasPerSecond).toBeLessThan(TICK_HZ + 1);
    }
    expect(result.thresholds.every((threshold) => threshold.ok)).toBe(true);
    expect(run.stderr[1]).toMatch(/^simulate: relay http:\/\/127\.0\.0\.1:\d+ counted 19,\d{3} of 19,\d{3} events \(loss 0, dup 0; settle: matched/);
    expect(run.stderr[2]).toMatch(/^simulate: latency p50 \d+ ms, p95 \d+ ms, p99 [\d,]+ ms, max [\d,]+ ms by ordinal over 2 probe walls/);
    expect(await readFile(html, 'utf8')).toContain('<svg ');
  }, 90_000);

  it('exits 1 with one line when the relay refuses the token', async () => {
    const run = await simulate('--profile', 'load', '--duration', '1s', '--brokers', brokers, '--topic-prefix', prefix, '--relay', relay.url, '--wall-token', 'not-the-token');
    // The relay's /api/state is asked first, and wants the same token.
    expect(run).toEqual({ code: 1, stderr: [`simulate: ${relay.url}/api/state answered HTTP 401: unauthorized, check --wall-token`] });
  });
});

/** Closed follow-ups, which the relay does not count as events. */
/** Closes and case steps: the relay counts neither as events. */
function followUps(report: RunReport): number {
  return Object.values(report.sent.bySource).reduce((sum, tally) => sum + tally.closed + tally.steps, 0);
}
