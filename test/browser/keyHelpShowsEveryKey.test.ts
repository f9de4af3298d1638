// The `?` help overlay: every key of the wall's one key map with what it does, in Chinese and in
// English, drawn with real glyphs (no tofu), inside one screen at 1920×1080 and on a 4×2 video
// wall (no line across a seam); `?` again closes it, and the other keys still work meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { t } from '../../wall/i18n/messages.ts';
import { HELP_ROWS } from '../../wall/keys/keyMap.ts';
import { fontsUsed, openWall } from './support/wallPage.ts';
import { WallRig } from './support/wallRig.ts';
import { textAcrossSeams } from './support/wallSeams.ts';

const SHOTS = '/tmp/key-help';
const HELP = '[data-testid="key-help"]';

/** Where the overlay's box lies and whether its content fits it. */
function helpBox(page: Page) {
  return page.locator(HELP).evaluate((box) => {
    const { left, top, right, bottom } = box.getBoundingClientRect();
    return {
      inside: left >= 0 && top >= 0 && right <= window.innerWidth && bottom <= window.innerHeight,
      fits: box.scrollWidth <= box.clientWidth && box.scrollHeight <= box.clientHeight,
    };
  });
}

describe('the key help overlay', () => {
  let rig: WallRig;

  beforeAll(async () => {
    rig = await WallRig.start({ name: 'wall-keys', partitions: 1 });
  });

  afterAll(async () => {
    await rig?.stop();
  });

  it('listsEveryKeyInZhAndEnInsideOneScreenAndClosesOnQuestionMarkAgain', async () => {
    const { page } = await rig.openWallWithView();
    await page.keyboard.press('?');
    await page.locator(HELP).waitFor({ state: 'visible', timeout: 10_000 });
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') {
        await page.keyboard.press('L');
        await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, { timeout: 30_000 });
      }
      const text = await page.locator(HELP).innerText();
      for (const row of HELP_ROWS) expect(text, lang).toContain(t(row.text, lang));
      await page.screenshot({ path: `${SHOTS}/key-help-${lang}.png` });
      expect(await helpBox(page), lang).toEqual({ inside: true, fits: true });
    }
    // Chinese is drawn with a CJK font, not boxes.
    await page.keyboard.press('L');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN', undefined, { timeout: 30_000 });
    for (const selector of [`${HELP} h2`, `${HELP} dd`]) {
      const han = [...((await page.locator(selector).first().textContent()) ?? '')].filter((c) => /\p{Script=Han}/u.test(c)).length;
      const fonts = await fontsUsed(page, selector);
      const cjkGlyphs = fonts.filter((f) => /CJK|Source Han|YaHei/i.test(f.familyName)).reduce((n, f) => n + f.glyphCount, 0);
      expect(han, selector).toBeGreaterThan(1);
      expect(cjkGlyphs, `${selector} drawn with ${JSON.stringify(fonts)}`).toBeGreaterThanOrEqual(han);
    }
    await page.keyboard.press('?');
    await page.locator(HELP).waitFor({ state: 'detached', timeout: 10_000 });
    await page.close();
  });

  it('staysInsideOneScreenOfA4x2VideoWall', async () => {
    const { page } = await openWall(rig.browser, `${rig.relay.url}?wall=7680x2160&grid=4x2&bezel=12`, { width: 7680, height: 2160 });
    await page.locator('.hud[data-grid="4x2"]').waitFor({ timeout: 60_000 });
    await page.keyboard.press('?');
    await page.locator(HELP).waitFor({ state: 'visible', timeout: 10_000 });
    expect(await helpBox(page)).toEqual({ inside: true, fits: true });
    expect((await textAcrossSeams(page)).problems).toEqual([]);
    await page.close();
  });
});
