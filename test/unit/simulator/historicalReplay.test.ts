// The acceptance run: the historical replay of sensor and 110 events, written to a file,
// reproduces the article's figures when counted from the file.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceOfKind, validateEvent, type Kind, type ProducerEvent } from '../../../relay/contract/index.ts';
import { cli, readLines, scratchDir, shanghaiMonth, validationContextFor } from './helpers.ts';

let lines: string[] = [];
let events: ProducerEvent[] = [];
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const scratch = await scratchDir();
  cleanup = scratch.cleanup;
  const out = join(scratch.dir, 'historical.ndjson');
  const run = await cli('--profile', 'historical', '--sources', 'sensor,alarm110', '--speed', 'max', '--out', out);
  expect(run).toMatchObject({ code: 0 });
  lines = await readLines(out);
  events = lines.map((line) => JSON.parse(line) as ProducerEvent);
}, 60_000);
afterAll(() => cleanup());

/** Events that are not `closed` follow-ups, in Jan–Nov of `year` (Shanghai time), of `kinds`. */
function countJanToNov(year: string, kinds: readonly Kind[]): number {
  return events.filter((e) => {
    const month = shanghaiMonth(e);
    return e.status !== 'closed' && kinds.includes(e.kind) && month.startsWith(year) && month <= `${year}-11`;
  }).length;
}

function yearOnYear(kinds: readonly Kind[]): number {
  const change = (countJanToNov('2019', kinds) / countJanToNov('2018', kinds) - 1) * 100;
  return Math.round(change * 100) / 100;
}

describe('historical replay of sensor and 110 events to a file', () => {
  it('writes one contract event per line that the relay would accept', async () => {
    const contextOf = await validationContextFor();
    expect(lines.length).toBeGreaterThan(25_590);
    const rejected = events
      .map((event) => ({ event, result: validateEvent(event, contextOf(event)) }))
      .filter(({ result }) => !result.ok);
    expect(rejected.slice(0, 3)).toEqual([]);
    expect(lines.every((line) => !line.includes('\n') && line.startsWith('{'))).toBe(true);
  });

  it('holds only sensor and 110 events, in timestamp order, with unique ids', () => {
    expect(new Set(events.map((e) => sourceOfKind(e.kind)))).toEqual(new Set(['sensor', 'alarm110']));
    const times = events.map((e) => Date.parse(String(e.ts)));
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] ?? 0))).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('raises exactly 25,590 sensor alarms in the window 2018-01-01 … 2019-11-30', () => {
    const alarms = events.filter((e) => sourceOfKind(e.kind) === 'sensor' && e.status !== 'closed');
    expect(alarms).toHaveLength(25_590);
    const months = alarms.map(shanghaiMonth).sort();
    expect([months[0], months.at(-1)]).toEqual(['2018-01', '2019-11']);
  });

  it.each([
    ['all 110 calls', ['burglary', 'theft', 'pickpocket', 'ebike_theft', 'telecom_fraud', 'dispute', 'other'], -11.8],
    ['theft-type calls', ['burglary', 'theft', 'pickpocket', 'ebike_theft'], -29.53],
    ['偷盗类警情 (theft)', ['theft'], -28.24],
    ['扒窃拎包 (pickpocket)', ['pickpocket'], -45.45],
    ['盗窃电动自行车 (e-bike theft)', ['ebike_theft'], -64.89],
    ['电信诈骗 (telecom fraud)', ['telecom_fraud'], -12.83],
  ] as const)('reproduces the published year-on-year change of %s', (_name, kinds, published) => {
    expect(yearOnYear(kinds)).toBe(published);
  });

  it('reports no burglary in December, January or February (older cases may close then)', () => {
    const burglaries = events.filter((e) => e.kind === 'burglary' && e.status !== 'closed');
    expect(burglaries.length).toBeGreaterThan(0);
    const winter = burglaries.filter((e) => ['12', '01', '02'].includes(shanghaiMonth(e).slice(5)));
    expect(winter).toEqual([]);
  });

  it('closes incidents with follow-ups that refer to an earlier opening of the same kind', () => {
    const opened = new Map(events.filter((e) => e.status === 'open').map((e) => [e.id, e]));
    const closed = events.filter((e) => e.status === 'closed');
    expect(closed.length).toBeGreaterThan(0);
    for (const close of closed) {
      const open = opened.get(close.ref ?? '');
      expect(open?.kind).toBe(close.kind);
      expect(Date.parse(String(close.ts))).toBeGreaterThan(Date.parse(String(open?.ts)));
    }
    expect(new Set(closed.map((e) => e.ref)).size).toBe(closed.length);
    // About the published closure rate of 90.2 %, less the follow-ups due after the window.
    expect(closed.length / opened.size).toBeGreaterThan(0.85);
    expect(closed.length / opened.size).toBeLessThan(0.91);
  });

  it('puts some events inside compounds by position, some in GCJ-02, the rest by compound id', () => {
    const located = events.filter((e) => e.lng !== undefined);
    expect(located.length).toBeGreaterThan(events.length * 0.1);
    expect(located.every((e) => e.compoundId === undefined)).toBe(true);
    expect(events.some((e) => e.crs === 'gcj02')).toBe(true);
    expect(events.filter((e) => e.compoundId !== undefined).length).toBeGreaterThan(events.length / 2);
  });
});
