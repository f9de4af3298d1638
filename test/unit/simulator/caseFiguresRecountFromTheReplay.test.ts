// The article's management figures, recounted from the historical replay as anyone could: run
// `npm run simulate -- --profile historical --sources grid --speed max --out FILE` (and the
// same for hotline), then count the file's events by the contract's case rules — an opening
// has no ref, each later step names its case in `ref` and comes after the case's last stage —
// and divide. The counting here is written out on purpose, not borrowed from the relay.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, readLines, scratchDir } from './helpers.ts';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;
const STAGES: Record<'grid' | 'hotline', readonly string[]> = {
  grid: ['dispatched', 'handled', 'closed'],
  hotline: ['contacted', 'finished', 'reviewed', 'closed'],
};

interface WireCase {
  id: string;
  kind: string;
  status?: string;
  ref?: string;
  stage?: string;
  onTime?: boolean;
  resolved?: boolean;
  satisfied?: boolean;
}

type Counts = Record<string, number>;

/** Counts a replay file by the rules of the contract; `broken` lists the events that break them. */
function recount(lines: readonly string[], source: 'grid' | 'hotline'): { counts: Counts; broken: string[] } {
  const counts: Counts = { opened: 0, onTime: 0, resolved: 0, satisfied: 0 };
  for (const stage of STAGES[source]) counts[stage] = 0;
  const broken: string[] = [];
  const lastStage = new Map<string, number>();
  for (const line of lines) {
    const event = JSON.parse(line) as WireCase;
    if (event.ref === undefined) {
      if (event.status !== 'open' || lastStage.has(event.id)) broken.push(`${event.id}: an opening must say open, once`);
      lastStage.set(event.id, -1);
      counts.opened!++;
      continue;
    }
    const last = lastStage.get(event.ref);
    const at = STAGES[source].indexOf(event.stage ?? '');
    if (last === undefined || at <= last) broken.push(`${event.id}: ${event.stage} of ${event.ref} is unknown or out of order`);
    if ((event.stage === 'closed') !== (event.status === 'closed')) broken.push(`${event.id}: closed stage and status disagree`);
    lastStage.set(event.ref, at);
    counts[event.stage!] = (counts[event.stage!] ?? 0) + 1;
    if (event.stage === 'finished' && event.onTime === true) counts.onTime!++;
    if (event.stage === 'reviewed' && event.resolved === true) counts.resolved!++;
    if (event.stage === 'reviewed' && event.satisfied === true) counts.satisfied!++;
  }
  return { counts, broken };
}

/** A share as the article writes it: a percentage with one decimal. */
const percent = (part: number, whole: number) => ((part / whole) * 100).toFixed(1);

interface StatedSource {
  totals: { from: string; total: number }[];
  cases: { periods: Record<string, unknown>[] };
}

/** The window period of the bundled profile: the whole numbers the figures are made of. */
async function statedCounts(source: 'grid' | 'hotline'): Promise<Counts> {
  const profile = JSON.parse(await readFile(join(ROOT, 'simulator/profiles/historical.json'), 'utf8')) as {
    window: { from: string; to: string };
  } & Record<'grid' | 'hotline', StatedSource>;
  const { window } = profile;
  const spec = profile[source];
  const period = spec.cases.periods.find((p) => p.from === window.from && p.to === window.to) ?? {};
  const total = spec.totals.find((p) => p.from === window.from)?.total;
  const numbers = Object.entries(period).filter(([, value]) => typeof value === 'number');
  return { opened: total ?? NaN, ...(Object.fromEntries(numbers) as Counts) };
}

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await scratchDir()));
afterAll(() => cleanup());

/** The command the issue names, run as a user would run it. */
async function simulate(source: 'grid' | 'hotline'): Promise<string[]> {
  const out = join(dir, `${source}.ndjson`);
  await run('npm', ['run', '--silent', 'simulate', '--', '--profile', 'historical', '--sources', source, '--speed', 'max', '--out', out], {
    cwd: ROOT,
  });
  return readLines(out);
}

describe("the replay's grid and hotline cases, recounted", () => {
  it('reproducesTheGridCentresFigures', async () => {
    const { counts, broken } = recount(await simulate('grid'), 'grid');
    expect(broken).toEqual([]);
    expect(counts.opened).toBe(28_554);
    expect(percent(counts.closed!, counts.opened!)).toBe('90.2');
    expect(counts).toMatchObject(await statedCounts('grid'));
  }, 120_000);

  it('reproducesTheHotlinesFigures', async () => {
    const { counts, broken } = recount(await simulate('hotline'), 'hotline');
    expect(broken).toEqual([]);
    expect(counts.opened).toBe(3_728);
    expect(percent(counts.contacted!, counts.opened!)).toBe('100.0');
    expect(percent(counts.onTime!, counts.finished!)).toBe('100.0');
    expect(percent(counts.resolved!, counts.reviewed!)).toBe('86.5');
    expect(percent(counts.satisfied!, counts.reviewed!)).toBe('87.2');
    expect(counts).toMatchObject(await statedCounts('hotline'));
  }, 120_000);

  it('writesTheSameBytesForTheSameSeedAndTheSameCasesWithOtherSources', async () => {
    const args = ['--profile', 'historical', '--from', '2019-06-01', '--to', '2019-07-31', '--speed', 'max'];
    const mixed = join(dir, 'mixed.ndjson');
    expect((await cli(...args, '--sources', 'grid,hotline', '--out', mixed)).code).toBe(0);
    const both = await readLines(mixed);
    for (const [source, tag] of [['grid', '"sim-1-grd-'], ['hotline', '"sim-1-hot-']] as const) {
      const once = join(dir, `${source}-once.ndjson`);
      const twice = join(dir, `${source}-twice.ndjson`);
      expect((await cli(...args, '--sources', source, '--out', once)).code).toBe(0);
      expect((await cli(...args, '--sources', source, '--out', twice)).code).toBe(0);
      const bytes = await readFile(once);
      expect(bytes.length).toBeGreaterThan(10_000);
      expect((await readFile(twice)).equals(bytes), `${source}: same seed, same bytes`).toBe(true);
      expect(both.filter((line) => line.includes(tag)), `${source}: the same events beside the other source`).toEqual(await readLines(once));
    }
  }, 60_000);
});
