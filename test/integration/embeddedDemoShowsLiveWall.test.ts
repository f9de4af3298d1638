// With no KAFKA_BROKERS the relay runs on its own: an in-process bus fed by the simulator's
// historical replay, shifted to now. A wall connecting to it sees the figures grow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../relay/config.ts';
import { setLogLevel } from '../../relay/log.ts';
import { startRelay, type RunningRelay } from '../../relay/relay.ts';
import { getState, waitFor } from './support/relays.ts';
import { connectWall, type TestWall } from './support/walls.ts';

describe('the embedded default', () => {
  let relay: RunningRelay;
  let url: string;
  let wall: TestWall;

  beforeAll(async () => {
    setLogLevel('error');
    // An hour of history a second, so a few seconds show plenty.
    const config = parseConfig([], { REPLAY_SPEED: '3600', TICK_HZ: '10', WALL_DIR: '/nonexistent/shiquan-wall' });
    relay = await startRelay({ ...config, port: 0 });
    url = `http://127.0.0.1:${relay.port}`;
    wall = await connectWall(url);
  });

  afterAll(async () => {
    wall?.close();
    await relay?.close();
  });

  it('is ready at once and shows replayed events growing on /api/state and on a wall', async () => {
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const total = (totals: Record<string, number> | undefined) => Object.values(totals ?? {}).reduce((a, b) => a + b, 0);
    const first = await waitFor('replayed events', async () => {
      const s = await getState(url);
      return total(s.totals) > 100 ? s : undefined;
    });
    const later = await waitFor('more replayed events', async () => {
      const s = await getState(url);
      return total(s.totals) > total(first.totals) + 100 ? s : undefined;
    });
    expect(later.compounds.filter((c) => c.today > 0).length).toBeGreaterThan(10);
    // Every replayed event passes the contract: nothing is rejected.
    expect(Object.values(later.rejected).every((n) => n === 0)).toBe(true);
    // Stamped on the wall clock, so they count to today.
    expect(later.freshness.camera.lastTs).toBeGreaterThan(Date.now() - 60_000);
    await waitFor('the wall to follow', () => (total(wall.view?.totals) >= total(later.totals) ? true : undefined));
    expect(wall.gaps).toBe(0);
  });
});
