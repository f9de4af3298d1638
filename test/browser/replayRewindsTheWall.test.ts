// Rewinding the wall: a first batch of events is shown and the relay's figures are sampled while
// nothing else is produced; after a quiet spell a second batch is shown. Rewound with the keys to
// a moment of the quiet spell, the wall shows the relay's sampled figures on its counters, the
// title bar says it is a replay of that time and the map has the replayed view; End brings the
// relay's current figures back, live.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kind } from '../../relay/contract/index.ts';
import type { Snapshot } from '../../relay/state/index.ts';
import { formatTimeOfDay } from '../../wall/i18n/format.ts';
import { COMPOUNDS, eventOf } from '../integration/support/events.ts';
import { getState, waitFor } from '../integration/support/relays.ts';
import { mapReady, shownCounts, shownPhase, watchCounts, type WallPage } from './support/wallPage.ts';
import { WallRig } from './support/wallRig.ts';

const SHOTS = '/tmp/replay';
/** Longer than a step (10 s) and a frame (2 s) together, so a step back cannot jump over it. */
const QUIET_MS = 14_000;

/** The counters the test reads, and what each shows of the relay's view. */
const COUNTERS: Record<string, (view: Snapshot) => number> = {
  'count-sensor': (view) => view.alerts.sensor,
  'count-camera': (view) => view.alerts.camera,
  'count-alarm110': (view) => view.alerts.alarm110,
  'count-kind-smoke': (view) => view.byKind.smoke,
  'count-kind-street_vendor': (view) => view.byKind.street_vendor,
  'count-kind-burglary': (view) => view.byKind.burglary,
  'count-kind-face_access': (view) => view.byKind.face_access,
  'count-open': (view) => view.open.total,
};
const IDS = Object.keys(COUNTERS);

const countsOf = (view: Snapshot) => Object.fromEntries(IDS.map((id) => [id, COUNTERS[id]!(view)]));

function eventsOf(batch: [Kind, number][]) {
  return batch.flatMap(([kind, count]) => Array.from({ length: count }, (_, i) => eventOf(kind, { compoundId: COMPOUNDS[i % 9]! })));
}

interface BarState {
  mode: string | null;
  at: number | null;
}

async function barState(page: Page): Promise<BarState> {
  const bar = page.locator('[data-testid="replay-bar"]');
  const [mode, at] = await Promise.all([bar.getAttribute('data-mode'), bar.getAttribute('data-at')]);
  return { mode, at: at === null ? null : Number(at) };
}

/** Presses a key and waits until the bar shows the change it makes. */
async function pressUntil(page: Page, key: string, what: string, done: (state: BarState) => boolean): Promise<BarState> {
  await page.keyboard.press(key);
  return waitFor(what, async () => {
    const state = await barState(page);
    return done(state) ? state : undefined;
  }, 30_000);
}

async function countersShow(page: Page, expected: Record<string, number>): Promise<void> {
  await waitFor('the counters', async () => {
    const shown = await shownCounts(page, IDS);
    return IDS.every((id) => shown[id] === expected[id]) ? true : undefined;
  }, 30_000).catch(async (error: unknown) => {
    throw new Error(`${String(error)}; shown ${JSON.stringify(await shownCounts(page, IDS))}, expected ${JSON.stringify(expected)}`);
  });
}

describe('the wall rewound', () => {
  let rig: WallRig;
  let wall: WallPage;
  let relayUrl: string;

  beforeAll(async () => {
    rig = await WallRig.start({ name: 'wall-replay' });
    relayUrl = `http://127.0.0.1:${rig.relay.port}`;
    wall = await rig.openWall();
    await mapReady(wall.page);
  });

  afterAll(async () => {
    await rig?.stop();
  });

  it('showsTheRelaysFiguresOfTheTimeItIsRewoundToAndTheCurrentOnesBackLive', async () => {
    const { page } = wall;
    const bar = page.locator('[data-testid="replay-bar"]');
    expect(await barState(page)).toMatchObject({ mode: 'live' });
    expect(await bar.isVisible()).toBe(false);

    // The first batch, shown; then the relay's figures while nothing else is produced.
    const first = eventsOf([['smoke', 4], ['street_vendor', 3], ['burglary', 2], ['face_access', 40]]);
    const firstShown = await watchCounts(page, { 'count-kind-smoke': 4, 'count-kind-street_vendor': 3, 'count-kind-burglary': 2, 'count-kind-face_access': 40 });
    await rig.send(first);
    await waitFor('the first batch on screen', () => firstShown().then((t) => t ?? undefined), 30_000);
    const quietFrom = Date.now();
    const sampled = countsOf(await getState(relayUrl));
    expect(sampled).toMatchObject({ 'count-kind-smoke': 4, 'count-kind-face_access': 40, 'count-open': 9 });
    // The quiet spell, as the wall's own live time tells it.
    await waitFor('a quiet spell on screen', async () => ((await barState(page)).at ?? 0) >= quietFrom + QUIET_MS || undefined, 60_000);
    const quietTo = Date.now();

    const second = eventsOf([['smoke', 2], ['street_vendor', 5], ['burglary', 1], ['face_access', 25]]);
    const secondShown = await watchCounts(page, { 'count-kind-smoke': 6, 'count-kind-street_vendor': 8, 'count-kind-burglary': 3, 'count-kind-face_access': 65 });
    await rig.send(second);
    await waitFor('the second batch on screen', () => secondShown().then((t) => t ?? undefined), 30_000);
    const later = countsOf(await getState(relayUrl));
    for (const id of IDS) expect(later[id], id).not.toBe(sampled[id]);

    // Rewound: R, then back a step at a time until the frame lies in the quiet spell.
    let state = await pressUntil(page, 'r', 'the replay', (s) => s.mode === 'replay');
    for (let steps = 0; (state.at ?? 0) > quietTo && steps < 6; steps++) {
      const from = state.at;
      state = await pressUntil(page, 'ArrowLeft', 'a step back', (s) => s.at !== from);
    }
    const at = state.at!;
    expect(at).toBeGreaterThanOrEqual(quietFrom);
    expect(at).toBeLessThanOrEqual(quietTo);
    await countersShow(page, sampled);
    expect(await shownPhase(page)).toBe('replay');
    const timeZone = (await getState(relayUrl)).timeZone;
    const phaseText = await page.locator('[data-testid="connection"]').innerText();
    expect(phaseText).toContain('回放');
    expect(phaseText).toContain(formatTimeOfDay(at, timeZone));
    expect(await page.locator('[data-testid="clock"]').innerText()).toBe(formatTimeOfDay(at, timeZone));
    expect(await bar.isVisible()).toBe(true);
    expect(await bar.evaluate((box) => box.scrollHeight <= box.clientHeight && box.scrollWidth <= box.clientWidth)).toBe(true);
    // The map has the replayed view too, not the live one.
    const seqs = await page.evaluate(() => ({ map: window.__wallTest?.seq() ?? null, shown: window.__wallStore?.seq() ?? null }));
    expect(seqs.map).toBe(seqs.shown);
    expect(seqs.map).toBeLessThan((await getState(relayUrl)).seq);
    await page.screenshot({ path: `${SHOTS}/rewound.png` });
    // In English too, the bar's text stays inside it.
    await page.keyboard.press('l');
    await waitFor('the bar in English', async () => ((await bar.innerText()).includes('back to live') ? true : undefined), 30_000);
    expect(await bar.evaluate((box) => box.scrollHeight <= box.clientHeight && box.scrollWidth <= box.clientWidth)).toBe(true);
    await bar.screenshot({ path: `${SHOTS}/bar-en.png` });
    await page.keyboard.press('l');

    // Back to live: the relay's figures now.
    await pressUntil(page, 'End', 'live again', (s) => s.mode === 'live');
    await countersShow(page, countsOf(await getState(relayUrl)));
    expect(await shownPhase(page)).toBe('live');
    expect(await bar.isVisible()).toBe(false);

    expect(wall.external).toEqual([]);
    expect(wall.errors).toEqual([]);
  });
});
