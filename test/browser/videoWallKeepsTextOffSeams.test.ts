// The wall laid out for a video wall of several screens: at 7680×2160 as 4×2 screens with 12 px
// bezels, with every overlay showing (an alarm card, the tour's caption and stat cards, the
// replay bar, the performance readout) and in both languages — then with the tour over and the
// grid and hotline panel in its place — no line of text crosses a seam or leaves the wall, and
// no panel overflows. The relay's WALL_* settings shape a wall whose URL
// says nothing, and a desk monitor previews the same wall scaled down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kind } from '../../relay/contract/index.ts';
import { COMPOUNDS, eventOf } from '../integration/support/events.ts';
import { waitFor } from '../integration/support/relays.ts';
import { layoutProblems, openWall, shownCounts, type WallPage } from './support/wallPage.ts';
import type { WallRelay } from './support/wallRelay.ts';
import { WallRig } from './support/wallRig.ts';
import { textAcrossSeams } from './support/wallSeams.ts';

const KINDS: Kind[] = ['door_open', 'elderly_inactivity', 'street_vendor', 'face_access', 'burglary', 'ebike_theft'];
const LONG_NOTE = '楼道内电动自行车违规充电，物业已到场处置，'.repeat(8);

describe('the wall on a video wall', () => {
  let rig: WallRig;
  let shaped: WallRelay;

  beforeAll(async () => {
    const events = COMPOUNDS.slice(0, 30).flatMap((compoundId, i) => [eventOf(KINDS[i % KINDS.length]!, { compoundId, note: LONG_NOTE })]);
    const call = eventOf('noise', { compoundId: COMPOUNDS[3]! });
    events.push(call, eventOf('noise', { compoundId: COMPOUNDS[3]!, ref: call.id, stage: 'contacted' }));
    rig = await WallRig.start({ name: 'wall-seams', partitions: 1, backlog: events });
    shaped = await rig.startRelay({ wallShape: { size: '3840x1080', grid: '2x1', bezel: 20 } });
  });

  afterAll(async () => {
    await rig?.stop();
  });

  async function wallWithFigures(url: string, viewport: { width: number; height: number }): Promise<WallPage> {
    const wall = await openWall(rig.browser, url, viewport);
    await waitFor('the figures on screen', async () => ((await shownCounts(wall.page, ['count-alarm110']))['count-alarm110'] === 10 ? true : undefined), 120_000);
    return wall;
  }

  it('keepsEveryLineOfTextOffTheSeamsOfA4x2WallWithEveryOverlayShowing', async () => {
    const wall = await wallWithFigures(`${rig.relay.url}?wall=7680x2160&grid=4x2&bezel=12&tour=shiquan&alarmDwellMs=600000`, { width: 7680, height: 2160 });
    const { page } = wall;
    await rig.send([eventOf('gas_leak', { compoundId: COMPOUNDS[40]!, note: LONG_NOTE })]);
    await page.keyboard.press('F');
    await page.keyboard.press('R');
    for (const overlay of ['alarm-card', 'tour-caption', 'tour-stat', 'perf-readout', 'replay-bar']) {
      await page.locator(`[data-testid="${overlay}"]`).first().waitFor({ state: 'visible', timeout: 60_000 });
    }
    expect(await page.locator('.hud').getAttribute('data-grid')).toBe('4x2');
    for (const lang of ['zh', 'en']) {
      if (lang === 'en') {
        await page.keyboard.press('L');
        await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, { timeout: 30_000 });
      }
      const seams = await textAcrossSeams(page);
      expect(seams.problems, lang).toEqual([]);
      expect(seams.checked, lang).toBeGreaterThan(150);
      expect(await layoutProblems(page), lang).toEqual([]);
    }
    // The tour over, the grid and hotline panel takes its place at the foot of the middle screen.
    await page.keyboard.press('T');
    await page.locator('[data-testid="panel-cases"]').waitFor({ state: 'visible', timeout: 60_000 });
    for (const lang of ['en', 'zh']) {
      if (lang === 'zh') {
        await page.keyboard.press('L');
        await page.waitForFunction(() => document.documentElement.lang === 'zh-CN', undefined, { timeout: 30_000 });
      }
      expect((await textAcrossSeams(page)).problems, `${lang}, no tour`).toEqual([]);
      expect(await layoutProblems(page), `${lang}, no tour`).toEqual([]);
    }
    expect(wall.errors).toEqual([]);
    expect(wall.external).toEqual([]);
    await page.close();
  });

  it('takesItsShapeFromTheRelayAndPreviewsItScaledOnASmallerScreen', async () => {
    const wall = await wallWithFigures(shaped.url, { width: 1920, height: 540 });
    const { page } = wall;
    const hud = page.locator('.hud');
    await waitFor('the relay wall settings', async () => ((await hud.getAttribute('data-grid')) === '2x1' ? true : undefined), 30_000);
    expect(await hud.getAttribute('data-wall')).toBe('3840x1080');
    expect(await hud.getAttribute('data-bezel')).toBe('20');
    expect((await hud.boundingBox())?.width).toBeCloseTo(1920, 0);
    const seams = await textAcrossSeams(page);
    expect(seams.problems).toEqual([]);
    expect(seams.checked).toBeGreaterThan(100);
    await page.close();
  });
});
