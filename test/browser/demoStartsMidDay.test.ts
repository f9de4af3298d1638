// `npm start` on the embedded default, and a wall opened ten seconds later: it looks like a
// working day at that hour. Its counters lie within what the replayed historical day had by then
// (recounted from the simulator's own file of that day), its closure rate within what the day's
// incidents and their closes give during that hour (not 0 %), and yesterday's figures are there
// to compare with. The relay's zone puts it at 15:xx, whatever the hour the test runs at.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../relay/config.ts';
import { ALARM_SOURCES, KIND_INFO, parseEventTime, type ProducerEvent, type Source } from '../../relay/contract/index.ts';
import { setLogLevel } from '../../relay/log.ts';
import type { RunningRelay } from '../../relay/relay.ts';
import { startRelay } from '../../relay/start.ts';
import { demoSeed } from '../../simulator/generate/demoDay.ts';
import { runCli } from '../../simulator/program.ts';
import { launchChromium } from '../infra/chromium.ts';
import { WALL_BUILD_DIR } from '../infra/wallBuildDir.ts';
import { zoneAtHour } from '../integration/support/demoZone.ts';
import { waitFor } from '../integration/support/relays.ts';
import { mapReady, openWall, shownCounts, type WallPage } from './support/wallPage.ts';

const DEMO_DAY = '2019-06-05';
const HOUR = 3_600_000;
const DAY_START = Date.parse(`${DEMO_DAY}T00:00:00+08:00`);
const OPENED_AFTER_MS = 10_000;

/** The replayed day as the simulator writes it for one draw: events with their time of day. */
async function replayedDay(seed: number): Promise<{ tod: number; event: ProducerEvent }[]> {
  const dir = await mkdtemp(join(tmpdir(), 'demo-day-'));
  try {
    const out = join(dir, 'day.ndjson');
    const code = await runCli(['--profile', 'historical', '--from', DEMO_DAY, '--to', DEMO_DAY, '--seed', String(seed), '--speed', 'max', '--out', out], () => undefined);
    expect(code).toBe(0);
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    return lines.map((line) => JSON.parse(line) as ProducerEvent).map((event) => ({ tod: (parseEventTime(event.ts) ?? 0) - DAY_START, event }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const isAlert = (event: ProducerEvent) => event.status === 'open' && KIND_INFO[event.kind].incident;

/** The day's alerts of a source before a time of day. */
function alertsBefore(day: readonly { tod: number; event: ProducerEvent }[], source: Source, tod: number): number {
  return day.filter(({ tod: t, event }) => t < tod && isAlert(event) && KIND_INFO[event.kind].source === source).length;
}

/** The lowest and highest closure rate (closed ÷ opened of the day's incidents) from `from` to `to`. */
function closureRange(day: readonly { tod: number; event: ProducerEvent }[], from: number, to: number): [number, number] {
  let opened = 0;
  let closed = 0;
  let low = Infinity;
  let high = -Infinity;
  const note = () => {
    if (opened === 0) return;
    low = Math.min(low, closed / opened);
    high = Math.max(high, closed / opened);
  };
  for (const { tod, event } of day) {
    if (tod >= to) break;
    if (tod >= from) note();
    if (isAlert(event)) opened++;
    // Grid and hotline cases close too, but they are not incidents.
    else if (event.status === 'closed' && KIND_INFO[event.kind].incident) closed++;
  }
  note();
  return [low, high];
}

/** Milliseconds since local midnight in the zone. */
function timeOfDay(zone: string, at = Date.now()): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return ((value('hour') * 60 + value('minute')) * 60 + value('second')) * 1000 + (at % 1000);
}

describe('the wall ten seconds after npm start', () => {
  const zone = zoneAtHour(15);
  let relay: RunningRelay;
  let browser: Browser;
  let wall: WallPage;
  let today: { tod: number; event: ProducerEvent }[];
  let yesterday: { tod: number; event: ProducerEvent }[];

  beforeAll(async () => {
    setLogLevel('error');
    const startedAt = Date.now();
    // The day as exactly as the profile has it: no extra incidents from the start on.
    const config = parseConfig([], { TIME_ZONE: zone, DEMO_PACE: '1', WALL_DIR: WALL_BUILD_DIR, LOG_LEVEL: 'error' });
    relay = await startRelay({ ...config, port: 0 });
    [today, yesterday] = await Promise.all([replayedDay(demoSeed(0, 0)), replayedDay(demoSeed(-1, 0))]);
    ({ browser } = await launchChromium());
    await relay.caughtUp;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + OPENED_AFTER_MS - Date.now())));
    wall = await openWall(browser, `http://127.0.0.1:${relay.port}/`, { width: 1920, height: 1080 });
    await mapReady(wall.page);
  });

  afterAll(async () => {
    await browser?.close();
    await relay?.close();
  });

  it('shows counters within the replayed day at this hour, not zero', async () => {
    const ids = ALARM_SOURCES.map((source) => `count-${source}`);
    const from = Math.floor(timeOfDay(zone) / HOUR) * HOUR;
    let shown: Record<string, number | null> = {};
    const inRange = (source: Source, to: number) => {
      const count = shown[`count-${source}`] ?? -1;
      return count >= alertsBefore(today, source, from) && count <= alertsBefore(today, source, to);
    };
    await waitFor(
      'the counters to show the day so far',
      async () => {
        shown = await shownCounts(wall.page, ids);
        const to = Math.ceil(timeOfDay(zone) / HOUR) * HOUR;
        return ALARM_SOURCES.every((source) => inRange(source, to)) ? true : undefined;
      },
      60_000,
    ).catch((error: unknown) => {
      const bounds = ALARM_SOURCES.map((s) => `${s} ${alertsBefore(today, s, from)}…${alertsBefore(today, s, from + HOUR)}`).join(', ');
      throw new Error(`${String(error)}: shown ${JSON.stringify(shown)}, the day had ${bounds}`);
    });
    // A working afternoon: a dozen or more sensor alarms already.
    expect(shown['count-sensor']).toBeGreaterThan(10);
  });

  it('shows the closure rate the day had at this hour, not 0 %', async () => {
    const from = Math.floor(timeOfDay(zone) / HOUR) * HOUR;
    const [low, high] = closureRange(today, from, from + HOUR);
    const text = (await wall.page.locator('[data-testid="closure-rate"]').textContent()) ?? '';
    const rate = Number(text.replace('%', '')) / 100;
    expect(rate, `closure rate ${text}, the day's ran ${(low * 100).toFixed(1)}–${(high * 100).toFixed(1)}% in this hour`).toBeGreaterThanOrEqual(low - 0.0005);
    expect(rate).toBeLessThanOrEqual(high + 0.0005);
    expect(rate).toBeGreaterThan(0.3);
  });

  it('compares with yesterday, which is there', async () => {
    const from = Math.floor(timeOfDay(zone) / HOUR) * HOUR;
    for (const source of ALARM_SOURCES) {
      const badge = (await wall.page.locator(`[data-testid="change-${source}"]`).textContent()) ?? '';
      // Cameras scale yesterday's passes by its alert share, so any alert yesterday gives a baseline.
      const baseline = source === 'camera' ? alertsBefore(yesterday, source, 24 * HOUR) : alertsBefore(yesterday, source, from);
      if (baseline > 0) expect(badge, `${source}: ${badge}`).toMatch(/较昨日同时段\s*[▲▼]?\d/);
    }
    expect(alertsBefore(yesterday, 'sensor', from)).toBeGreaterThan(10);
    expect(wall.errors).toEqual([]);
    expect(wall.external).toEqual([]);
  });
});
