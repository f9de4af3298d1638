// With no KAFKA_BROKERS the relay runs on its own: the embedded demo replays a historical day as
// yesterday and today. It is ready once today so far is in, with every figure meaningful at once,
// and events keep coming at the real time of day. The relay's zone puts it at 15:xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../relay/config.ts';
import { setLogLevel } from '../../relay/log.ts';
import type { RunningRelay } from '../../relay/relay.ts';
import { startRelay } from '../../relay/start.ts';
import { zoneAtHour } from './support/demoZone.ts';
import { getState, stateAfter, waitFor } from './support/relays.ts';
import { connectWall, type TestWall } from './support/walls.ts';

describe('the embedded default', () => {
  let relay: RunningRelay;
  let url: string;
  let wall: TestWall;
  let readyAtStart: number;

  beforeAll(async () => {
    setLogLevel('error');
    const config = parseConfig([], { TIME_ZONE: zoneAtHour(15), TICK_HZ: '10', WALL_DIR: '/nonexistent/shiquan-wall' });
    relay = await startRelay({ ...config, port: 0 });
    url = `http://127.0.0.1:${relay.port}`;
    readyAtStart = (await fetch(`${url}/readyz`)).status;
    wall = await connectWall(url);
  });

  afterAll(async () => {
    wall?.close();
    await relay?.close();
  });

  it('is ready once today so far is replayed, with yesterday complete', async () => {
    expect(readyAtStart).toBe(503);
    await relay.caughtUp;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const state = await getState(url);
    expect(state.replayOf).toBe('2019-06-05');
    // 15:xx: well over half of the day's ~10⁵ camera passes, a dozen or more sensor alarms.
    expect(state.totals.camera).toBeGreaterThan(40_000);
    expect(state.alerts.sensor).toBeGreaterThan(10);
    expect(state.closure.rate).toBeGreaterThan(0.3);
    expect(state.yesterday.totals.camera).toBeGreaterThan(90_000);
    expect(state.yesterday.alerts.sensor).toBeGreaterThan(25);
    expect(state.yesterday.alerts.alarm110).toBeGreaterThan(0);
    // Passes of the hours gone by, none of the hours to come.
    expect(state.hourly.camera.slice(7, 15).every((n) => n > 1_000)).toBe(true);
    expect(state.hourly.camera.slice(16).every((n) => n === 0)).toBe(true);
    // Every replayed event passes the contract: nothing is rejected.
    expect(Object.values(state.rejected).every((n) => n === 0)).toBe(true);
  });

  it('shows the grid centre and the 12345 hotline for today and the year from the start', async () => {
    await relay.caughtUp;
    const { cases, totals, yesterday, day } = await stateAfter(url, Date.now());
    expect(totals.grid).toBeGreaterThan(10);
    expect(cases.grid.today.accepted).toBe(totals.grid);
    expect(cases.grid.yesterday.accepted).toBe(yesterday.totals.grid);
    // The year so far comes before yesterday (from 3 January on): about 41 grid cases a day.
    const daysBefore = Math.round((Date.parse(day) - Date.parse(`${cases.year}-01-01`)) / 86_400_000) - 1;
    expect(cases.grid.year.accepted).toBeGreaterThanOrEqual(totals.grid + yesterday.totals.grid + 20 * Math.max(0, daysBefore));
    expect(cases.grid.year.rates.closure).toBeGreaterThan(0.8);
    expect(cases.hotline.year.rates).toMatchObject({ contact: 1, onTime: 1 });
    expect(cases.hotline.year.rates.satisfaction).toBeGreaterThan(0.7);
    expect(cases.grid.open).toBeGreaterThan(0);
    expect(cases.feed.length).toBeGreaterThan(0);
  });

  it('keeps events coming, stamped now, and a wall follows', async () => {
    await relay.caughtUp;
    const first = await getState(url);
    const later = await waitFor('live events', async () => {
      const s = await getState(url);
      return s.totals.camera > first.totals.camera + 3 ? s : undefined;
    });
    expect(later.freshness.camera.lastTs).toBeGreaterThan(Date.now() - 60_000);
    expect(later.freshness.camera.lastTs).toBeLessThanOrEqual(Date.now());
    await waitFor('the wall to follow', () => ((wall.view?.totals.camera ?? 0) >= later.totals.camera ? true : undefined));
    expect(wall.gaps).toBe(0);
  });
});
