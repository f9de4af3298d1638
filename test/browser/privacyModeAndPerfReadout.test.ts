// Privacy mode for public demos: with `?privacy=1`, events whose notes carry licence plates and
// compound names leave no compound or committee name, no plate and no note anywhere in the
// page's text nor in the map's labels; P shows them again and hides them once more. Then the
// testers' performance readout: F shows it with a live frame rate and, after new events, their
// event-to-screen lag; F hides it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../geo/loadPack.ts';
import type { Kind } from '../../relay/contract/index.ts';
import type { WallTestHook } from '../../wall/map/testHook.ts';
import { COMPOUNDS, eventOf } from '../integration/support/events.ts';
import { waitFor } from '../integration/support/relays.ts';
import { mapHasView } from './support/wallMap.ts';
import { mapReady, type WallPage } from './support/wallPage.ts';
import { WallRig } from './support/wallRig.ts';

const pack = await loadPack();
const SHOTS = '/tmp/privacy';

const nameOf = new Map(pack.compounds.features.map(({ properties: p }) => [p.id, p.name]));
const PLACE_NAMES = [...pack.compounds.features, ...pack.committees.features].map((f) => f.properties.name);

/**
 * Plates as operators type them, and the serial each must lose: serials that none of the wall's
 * own words contain (its 12345 hotline would read as a leaked plate).
 */
const PLATES = [
  ['沪A·31415', '31415'],
  ['沪AD54321', 'D54321'],
  ['苏E 7K9Q2', '7K9Q2'],
  ['沪B2468学', '2468学'],
  ['浙AF·13579', '13579'],
  ['沪C97531', '97531'],
] as const;
/** Notable kinds (warning or critical): they reach the feed and open incidents. */
const KINDS: Kind[] = ['street_vendor', 'illegal_construction', 'burglary', 'ebike_charging', 'high_altitude_throw', 'theft'];

const EVENTS = PLATES.map(([plate], i) => {
  const compoundId = COMPOUNDS[(i * 13) % COMPOUNDS.length]!;
  const note = `核查${i}：${nameOf.get(compoundId) ?? ''}门口 ${plate} 违停`;
  return eventOf(KINDS[i]!, { compoundId, note });
});
const NOTES = EVENTS.map((event) => event.note!);

type HookWindow = Window & { __wallTest?: WallTestHook };

/** Everything the page shows as text, and every label the map draws. */
async function shownTexts(page: Page): Promise<{ text: string; labels: string[] }> {
  return page.evaluate(() => ({ text: document.body.innerText, labels: (window as HookWindow).__wallTest?.labels() ?? [] }));
}

/** What of the private texts `shown` reveals, by kind; all empty when nothing leaks. */
function leaks(shown: string) {
  return {
    names: PLACE_NAMES.filter((name) => shown.includes(name)),
    plates: PLATES.filter(([plate, serial]) => shown.includes(plate) || shown.includes(serial)).map(([plate]) => plate),
    notes: NOTES.filter((note) => shown.includes(note) || shown.includes(note.slice(0, 3))),
  };
}

const NOTHING = { names: [], plates: [], notes: [] };

/** Presses P and waits for the title bar to say whether privacy mode is on. */
async function pressP(page: Page, privacyOn: boolean): Promise<void> {
  await page.keyboard.press('p');
  const badge = page.locator('[data-testid="privacy-mode"]');
  await badge.waitFor({ state: privacyOn ? 'visible' : 'detached', timeout: 10_000 });
}

describe('privacy mode and the performance readout', () => {
  let rig: WallRig;
  let wall: WallPage;

  beforeAll(async () => {
    rig = await WallRig.start({ name: 'wall-privacy' });
    wall = await rig.openWallWithView('?privacy=1');
  });

  afterAll(async () => {
    await rig?.stop();
  });

  it('masksNamesPlatesAndNotesEverywhereAndShowsThemAgainWhenTurnedOff', async () => {
    const { page } = wall;
    await page.locator('[data-testid="privacy-mode"]', { hasText: '隐私模式' }).waitFor({ timeout: 10_000 });
    await rig.send(EVENTS);
    const shownAtLeast = (selector: string, count: number) => async () =>
      (await page.locator(selector).count()) >= count ? true : undefined;
    await waitFor('the events in the feed', shownAtLeast('[data-testid="feed-item"]', EVENTS.length), 30_000);
    await waitFor('the places ranked', shownAtLeast('[data-testid="top-compounds-row"]', 1), 30_000);

    const masked = await shownTexts(page);
    await page.screenshot({ path: `${SHOTS}/privacy-on.png` });
    expect(leaks(masked.text), 'the page text').toEqual(NOTHING);
    expect(leaks(masked.labels.join('\n')), 'the map labels').toEqual(NOTHING);
    // What stays is what a viewer needs: the kind of place, and that a note was there.
    expect(masked.text).toContain('××');
    expect(masked.text).toContain('备注已隐藏');
    expect(masked.labels.filter((label) => label.startsWith('××'))).toHaveLength(pack.compounds.features.length);

    await pressP(page, false);
    await waitFor('the notes', async () => ((await shownTexts(page)).text.includes(NOTES[0]!) ? true : undefined), 10_000);
    const plain = await shownTexts(page);
    await page.screenshot({ path: `${SHOTS}/privacy-off.png` });
    expect(leaks(plain.text).notes).toEqual(NOTES);
    expect(leaks(plain.text).plates).toEqual(PLATES.map(([plate]) => plate));
    expect(leaks(plain.text).names).toEqual(expect.arrayContaining(EVENTS.map((event) => nameOf.get(event.compoundId!))));
    expect(plain.labels).toEqual(expect.arrayContaining([...nameOf.values()]));

    await pressP(page, true);
    await waitFor('the names masked again', async () => {
      const again = await shownTexts(page);
      return leaks(`${again.text}\n${again.labels.join('\n')}`).names.length === 0 ? again : undefined;
    }, 10_000);
    expect(leaks((await shownTexts(page)).text)).toEqual(NOTHING);
    expect(wall.errors).toEqual([]);
  });

  it('showsFramesAndEventToScreenLagOnFAndHidesOnF', async () => {
    // Loaded afresh: the feed it starts with is a backlog, which the lag leaves out.
    const { page } = wall;
    await page.goto(rig.relay.url);
    await mapReady(page);
    await mapHasView(page);
    const readout = page.locator('[data-testid="perf-readout"]');
    await expect(readout.count()).resolves.toBe(0);
    await page.keyboard.press('f');
    await readout.waitFor({ timeout: 10_000 });
    const fps = await waitFor('a frame rate', async () => {
      const value = Number(await readout.getAttribute('data-fps'));
      return value > 0 ? value : undefined;
    }, 15_000);
    expect(fps).toBeGreaterThan(0);

    const sentAt = Date.now();
    const events = Array.from({ length: 5 }, (_, i) => eventOf('street_vendor', { compoundId: COMPOUNDS[i]! }));
    await rig.send(events);
    const lag = await waitFor('the lag of the new events', async () => {
      const count = Number(await readout.getAttribute('data-lag-count'));
      const p50 = await readout.getAttribute('data-lag-p50');
      if (count < events.length || !p50) return undefined;
      return { count, p50: Number(p50), p95: Number(await readout.getAttribute('data-lag-p95')) };
    }, 30_000);
    const waited = Date.now() - sentAt;
    await page.screenshot({ path: `${SHOTS}/perf-readout.png` });
    // The events are stamped a second before they were sent (eventOf), on this machine's clock.
    expect(lag.count).toBe(events.length);
    expect(lag.p50).toBeGreaterThan(1_000);
    expect(lag.p95).toBeLessThan(1_000 + waited + 1_000);
    expect(Number(await readout.getAttribute('data-dropped'))).toBe(0);

    await page.keyboard.press('f');
    await readout.waitFor({ state: 'detached', timeout: 10_000 });
    expect(wall.errors).toEqual([]);
    expect(wall.external).toEqual([]);
  });
});
