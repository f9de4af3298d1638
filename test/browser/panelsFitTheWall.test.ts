// The panels at the wall's two reference sizes, full of long text (both languages, 280-character
// notes, five-digit counts, every ranking filled, grid and hotline cases with every figure): no
// panel, column or title bar overflows or leaves the screen, no label is cut short with an
// ellipsis, no case step loses its place off the row; Chinese is drawn with a CJK font, not tofu;
// notes are shown as text; every panel is composited on a layer of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kind, ProducerEvent } from '../../relay/contract/index.ts';
import { COMPOUNDS, eventOf } from '../integration/support/events.ts';
import { getState, waitFor } from '../integration/support/relays.ts';
import { compositedElements, cutTexts, fontsUsed, layoutProblems, shownCounts, type WallPage } from './support/wallPage.ts';
import { WallRig } from './support/wallRig.ts';

const MARKUP_NOTE = '<b>不是粗体</b><img src=x onerror=alert(1)>';
const LONG_NOTE = '楼道内电动自行车违规充电，物业已到场处置，'.repeat(12).slice(0, 280);
// The kinds with the longest labels in either language.
const LONG_KINDS: Kind[] = ['elderly_inactivity', 'street_vendor', 'illegal_construction', 'pickpocket', 'elderly_sos'];
const PASSES = 12_345;
const CASES = 1_234;
/** Hotline calls accepted today: the backlog's and lastCall's. */
const CALLS = CASES + 1;
const HOUR = 3_600_000;

/** Grid and hotline cases with four-digit counts, some overdue, the hotline's at every stage. */
function caseEvents(): ProducerEvent[] {
  const events: ProducerEvent[] = [];
  for (let i = 0; i < CASES; i++) {
    const compoundId = COMPOUNDS[i % 80]!;
    const grid = eventOf('illegal_building', { compoundId, ts: Date.now() - (i % 3 === 0 ? 200 : 1) * HOUR, status: 'open' });
    events.push(grid, eventOf('illegal_building', { compoundId, ref: grid.id, stage: 'dispatched' }));
    const call = eventOf('property_service', { compoundId, status: 'open' });
    events.push(call, eventOf('property_service', { compoundId, ref: call.id, stage: 'contacted' }));
    events.push(eventOf('property_service', { compoundId, ref: call.id, stage: 'finished', onTime: i % 7 !== 0 }));
    events.push(eventOf('property_service', { compoundId, ref: call.id, stage: 'reviewed', resolved: i % 9 !== 0, satisfied: i % 8 !== 0 }));
  }
  return events;
}

/** A call through to a review with the longest outcome in English, for the case feed's newest rows. */
function lastCall(): ProducerEvent[] {
  const call = eventOf('property_service', { compoundId: COMPOUNDS[5]!, status: 'open', ts: Date.now() });
  const step = (fields: Partial<ProducerEvent>) => eventOf('property_service', { compoundId: call.compoundId, ref: call.id, ts: call.ts, ...fields });
  return [call, step({ stage: 'contacted' }), step({ stage: 'finished', onTime: true }), step({ stage: 'reviewed', resolved: true, satisfied: false })];
}

function stressEvents(): ProducerEvent[] {
  const events: ProducerEvent[] = [...caseEvents()];
  COMPOUNDS.slice(0, 40).forEach((compoundId, i) => {
    for (let n = 0; n <= i % 4; n++) {
      events.push(eventOf(LONG_KINDS[(i + n) % LONG_KINDS.length]!, { compoundId, note: LONG_NOTE }));
    }
  });
  for (let i = 0; i < PASSES; i++) events.push(eventOf('face_access', { compoundId: COMPOUNDS[i % 80]! }));
  return events;
}

describe('the panels on the wall', () => {
  let rig: WallRig;

  beforeAll(async () => {
    rig = await WallRig.start({ name: 'wall-fit', partitions: 2, backlog: stressEvents() });
    // Once the backlog is read, so that no step of it comes after the call's in the relay's feed.
    const relayUrl = `http://127.0.0.1:${rig.relay.port}`;
    await waitFor('the backlog read', async () => ((await getState(relayUrl)).cases.hotline.today.accepted === CASES ? true : undefined), 90_000);
    await rig.send(lastCall());
  });

  afterAll(async () => {
    await rig?.stop();
  });

  /** The wall at a size, with every figure of the stress events on screen. */
  async function filledWall(width: number, height: number): Promise<WallPage> {
    const wall = await rig.openWall('', { width, height });
    await waitFor(
      'the stress figures on screen',
      async () => ((await shownCounts(wall.page, ['count-kind-face_access']))['count-kind-face_access'] === PASSES ? true : undefined),
      90_000,
    );
    await wall.page.locator('[data-testid="top-compounds-row"]').nth(4).waitFor();
    await waitFor(
      'the cases on screen',
      async () => ((await shownCounts(wall.page, ['count-cases-hotline']))['count-cases-hotline'] === CALLS ? true : undefined),
      60_000,
    );
    await wall.page.locator('[data-testid="case-feed-item"][data-stage="reviewed"]').first().waitFor();
    return wall;
  }

  /** Case steps whose place is not wholly inside its row (a long stage once pushed it off the edge). */
  function placesOffTheirRows(wall: WallPage): Promise<string[]> {
    return wall.page.locator('[data-testid="case-feed-item"]').evaluateAll((rows) =>
      rows.flatMap((row) => {
        const place = row.querySelector('.place');
        if (!place) return [row.textContent?.trim() ?? ''];
        const box = place.getBoundingClientRect();
        const whole = place.scrollWidth <= place.clientWidth && box.width > 0 && box.right <= row.getBoundingClientRect().right + 0.5;
        return whole ? [] : [row.textContent?.trim() ?? ''];
      }),
    );
  }

  async function switchToEnglish(wall: WallPage) {
    await wall.page.keyboard.press('L');
    await wall.page.waitForFunction(() => document.documentElement.lang === 'en', undefined, { timeout: 30_000 });
  }

  for (const [width, height] of [
    [1920, 1080],
    [7680, 2160],
  ] as const) {
    it(`fitEveryBoxOnA${width}x${height}WallInBothLanguages`, async () => {
      const wall = await filledWall(width, height);
      expect(await wall.page.locator('[data-testid^="panel-"]').count()).toBe(8);
      expect(await wall.page.locator('[data-testid="overdue-cases-grid"]').textContent()).toMatch(/\d{3}/);
      expect(await layoutProblems(wall.page)).toEqual([]);
      expect(await cutTexts(wall.page)).toEqual([]);
      expect(await placesOffTheirRows(wall)).toEqual([]);
      await switchToEnglish(wall);
      await expect.poll(() => wall.page.locator('h1').textContent()).toContain('Shiquan');
      expect(await layoutProblems(wall.page)).toEqual([]);
      expect(await cutTexts(wall.page)).toEqual([]);
      expect(await placesOffTheirRows(wall)).toEqual([]);
      expect(wall.external).toEqual([]);
      expect(wall.errors).toEqual([]);
      await wall.page.close();
    });
  }

  it('drawsChineseWithACjkFontNotTofu', async () => {
    const wall = await filledWall(1920, 1080);
    for (const selector of ['h1', '[data-testid="panel-counters"] h2', '[data-testid="top-compounds"] li .name']) {
      const text = (await wall.page.locator(selector).first().textContent()) ?? '';
      const han = [...text].filter((char) => /\p{Script=Han}/u.test(char)).length;
      const fonts = await fontsUsed(wall.page, selector);
      const cjkGlyphs = fonts.filter((f) => /CJK|Source Han|YaHei/i.test(f.familyName)).reduce((n, f) => n + f.glyphCount, 0);
      expect(han, `Chinese characters in ${selector}`).toBeGreaterThan(1);
      expect(cjkGlyphs, `${selector} drawn with ${JSON.stringify(fonts)}`).toBeGreaterThanOrEqual(han);
    }
    await wall.page.close();
  });

  // Otherwise the browser paints every box over the map into one layer the size of the screen,
  // and each tick's change to any panel rasterises it again (docs/benchmarks.md, wallFpsRatio).
  it('compositesEveryPanelTheTitleBarTheAlarmQueueAndEachDigitOnALayerOfItsOwn', async () => {
    const wall = await filledWall(1920, 1080);
    const panels = await wall.page.locator('[data-testid^="panel-"]').evaluateAll((boxes) => boxes.map((box) => box.getAttribute('data-testid')!));
    const digits = await wall.page.locator('.rolling .strip').count();
    const layers = await compositedElements(wall.page);
    expect(panels).toHaveLength(8);
    expect(layers).toEqual(expect.arrayContaining([...panels, 'title-bar', 'alarm-queue']));
    expect(layers.filter((name) => name === 'strip')).toHaveLength(digits);
    expect(digits).toBeGreaterThan(30);
    await wall.page.close();
  });

  it('showsMarkupInANoteAsTextNeverAsHtml', async () => {
    const wall = await filledWall(1920, 1080);
    // Sent last, so it is the newest item in the feed.
    await rig.send([eventOf('watchlist_hit', { compoundId: COMPOUNDS[41]!, note: MARKUP_NOTE })]);
    const item = wall.page.locator('[data-testid="feed-item"]', { hasText: '<b>不是粗体</b>' });
    await item.waitFor({ timeout: 30_000 });
    expect(await item.locator('b, img').count()).toBe(0);
    expect(wall.errors).toEqual([]);
    await wall.page.close();
  });
});
