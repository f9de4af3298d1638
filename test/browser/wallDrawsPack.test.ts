// The built wall draws the geography pack on a WebGL canvas, and nothing leaves localhost; the
// landmarks' names, in either language, stand clear of each other where deck.gl laid them out.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../infra/chromium.ts';
import { decodePng, pixelStats } from '../infra/pixels.ts';
import type { DrawnLabelBox } from '../../wall/layers/labels.ts';

let browser: Browser;

beforeAll(async () => {
  ({ browser } = await launchChromium());
});
afterAll(async () => {
  await browser?.close();
});

describe('the wall at 1920×1080', () => {
  it('draws the boundary and 3D compounds on a non-blank WebGL canvas, offline', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const external: string[] = [];
    const errors: string[] = [];
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      external.push(route.request().url());
      return route.abort();
    });
    page.on('pageerror', (err) => errors.push(err.message));

    await page.goto(inject('wallUrl'));
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 });
    const canvas = page.locator('canvas.maplibregl-canvas');
    const box = await canvas.boundingBox();
    expect(box?.width).toBe(1920);

    const png = decodePng(await page.screenshot());
    // The middle of the screen is the sub-district: boundary fill, footprints, lit extrusions.
    const centre = pixelStats(png, { x: 560, y: 270, width: 800, height: 540 });
    expect(centre.nonBackgroundShare).toBeGreaterThan(0.3);
    expect(centre.distinctColours).toBeGreaterThan(20);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`keeps the landmarks' names clear of each other (${lang})`, async () => {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(`${inject('wallUrl')}?lang=${lang}`);
      await page.waitForSelector('body[data-map-ready="true"]', { timeout: 90_000 });
      // The names are placed once the map stands; deck.gl's layout is read back as drawn.
      const boxes = await page
        .waitForFunction(() => {
          const drawn = (window as { __wallTest?: { labelBoxes(): DrawnLabelBox[] } }).__wallTest?.labelBoxes() ?? [];
          return drawn.some((box) => box.kind === 'landmark') ? drawn : undefined;
        }, undefined, { timeout: 60_000 })
        .then((handle) => handle.jsonValue() as Promise<DrawnLabelBox[]>);
      const landmarks = boxes.filter((box) => box.kind === 'landmark');
      expect(landmarks.length).toBeGreaterThan(5);
      const overlaps = landmarks.flatMap((a, i) =>
        landmarks.slice(i + 1).filter((b) => overlap(a, b) > 0).map((b) => `${a.text} × ${b.text}`),
      );
      expect(overlaps).toEqual([]);
      await page.close();
    });
  }
});

function overlap(a: DrawnLabelBox, b: DrawnLabelBox): number {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}
