// The built wall draws the geography pack on a WebGL canvas, and nothing leaves localhost.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../infra/chromium.ts';
import { decodePng, pixelStats } from '../infra/pixels.ts';

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
});
