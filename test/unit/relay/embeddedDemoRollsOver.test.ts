// Left running across midnight, the embedded demo rolls over like a real day: yesterday becomes
// the day just ended, complete, and today starts from zero and fills with the next draw of the
// replayed day. The relay runs on a clock the test moves, so no one waits for midnight.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../geo/loadPack.ts';
import { parseConfig } from '../../../relay/config.ts';
import { KIND_INFO, perSource, type Source } from '../../../relay/contract/index.ts';
import { setLogLevel } from '../../../relay/log.ts';
import type { RelayClock, RunningRelay } from '../../../relay/relay.ts';
import { startRelay } from '../../../relay/start.ts';
import type { DayView } from '../../../relay/state/index.ts';
import { dayOf } from '../../../simulator/generate/calendar.ts';
import { simCompoundsFromPack } from '../../../simulator/generate/compounds.ts';
import { demoSeed } from '../../../simulator/generate/demoDay.ts';
import { planHistorical } from '../../../simulator/generate/historicalPlan.ts';
import { readProfile } from '../../../simulator/profile/readProfile.ts';

/** Time that moves only when the test says, waking sleepers in order as it passes them. */
class ManualClock implements RelayClock {
  private sleepers: { at: number; wake: () => void }[] = [];

  constructor(private time: number) {}

  now = () => this.time;

  sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const abort = () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(signal.reason as Error);
      };
      const sleeper = {
        at: this.time + ms,
        wake: () => {
          signal.removeEventListener('abort', abort);
          resolve();
        },
      };
      this.sleepers.push(sleeper);
      signal.addEventListener('abort', abort, { once: true });
    });

  async advanceTo(to: number): Promise<void> {
    for (;;) {
      this.sleepers.sort((a, b) => a.at - b.at);
      const next = this.sleepers[0];
      if (!next || next.at > to) break;
      this.sleepers.shift();
      this.time = Math.max(this.time, next.at);
      next.wake();
      // Let the woken publisher send what is due, the relay apply it, and the publisher sleep again.
      for (let turns = 0; turns < 100 && this.sleepers.length === 0; turns++) await nextTurn();
    }
    this.time = to;
  }
}

const at = (local: string) => Date.parse(`${local}+08:00`);

/** The replayed day's alerts per source and camera events, as the profile gives them to one draw. */
async function drawFigures(seed: number): Promise<{ alerts: Record<Source, number>; cameraEvents: number }> {
  const profile = await readProfile('historical');
  if (profile.type !== 'historical') throw new Error('expected the historical profile');
  const plan = planHistorical(profile, simCompoundsFromPack(await loadPack()), seed, ['sensor', 'camera', 'alarm110']);
  const alerts = perSource(() => 0);
  let cameraEvents = 0;
  for (const kind of plan.kinds) {
    const count = kind.dailyCounts[dayOf('2019-06-05') - plan.coverageFrom] ?? 0;
    if (KIND_INFO[kind.kind].incident) alerts[kind.source] += count;
    if (kind.source === 'camera') cameraEvents += count;
  }
  return { alerts, cameraEvents };
}

describe('the embedded demo across midnight', () => {
  const clock = new ManualClock(at('2026-03-04T23:40:00'));
  let relay: RunningRelay;

  beforeAll(async () => {
    setLogLevel('error');
    const config = parseConfig([], { DEMO_PACE: '1', WALL_DIR: '/nonexistent/shiquan-wall' });
    relay = await startRelay({ ...config, port: 0 }, clock);
    await relay.caughtUp;
  });

  afterAll(() => relay?.close());

  it('ends the day with the replayed day complete, then starts the next one from zero', async () => {
    const before = relay.snapshot();
    expect([before.yesterday.day, before.day]).toEqual(['2026-03-03', '2026-03-04']);

    await clock.advanceTo(at('2026-03-05T00:20:00'));
    const after = relay.snapshot();
    expect([after.yesterday.day, after.day]).toEqual(['2026-03-04', '2026-03-05']);

    // Yesterday is the day just ended: today's draw at the start, every one of its events.
    const ended: DayView = after.yesterday;
    const draw = await drawFigures(demoSeed(0, 0));
    expect(ended.alerts).toEqual(draw.alerts);
    expect(ended.totals.camera).toBe(draw.cameraEvents);
    expect(ended.totals.camera).toBeGreaterThan(before.totals.camera);
    // Its incidents keep closing after midnight.
    expect(ended.closure.closedOfOpened).toBeGreaterThanOrEqual(before.closure.closedOfOpened);

    // Today from zero: twenty minutes of night-time passes, in the first hour only.
    expect(after.totals.camera).toBeGreaterThan(0);
    expect(after.totals.camera).toBeLessThan(draw.cameraEvents / 50);
    expect(after.hourly.camera.slice(1).every((n) => n === 0)).toBe(true);
    expect(Object.values(after.rejected).every((n) => n === 0)).toBe(true);
  });
});
