// The map fed through Kafka draws its 3D buildings and the heatmap of what happened, switches
// the heatmap between sources with the H key, and stays sharp on a 7680×2160 video wall — with
// nothing fetched from outside the machine.
import type { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng, type Region } from '../infra/pixels.ts';
import { COMPOUNDS, eventOf } from '../integration/support/events.ts';
import { waitFor } from '../integration/support/relays.ts';
import { changedShare, mapHasView, mapIsStill, screenshotOf, showHeatOf } from './support/wallMap.ts';
import { mapReady } from './support/wallPage.ts';
import { WallRig } from './support/wallRig.ts';

/** Face-recognition entries: camera heat only, no incidents, nothing in the feed. */
const PASSES = 240;

/** The middle of the screen between the panel columns, as a share of the viewport. */
function middleOf(width: number, height: number): Region {
  return { x: Math.round(width * 0.3), y: Math.round(height * 0.2), width: Math.round(width * 0.4), height: Math.round(height * 0.6) };
}

/** Share of pixels in the calm blue of the buildings' lit and shaded faces, and how many shades. */
function buildingPixels(png: PNG): { share: number; shades: number } {
  let count = 0;
  const shades = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    if (b > 140 && b - r > 70 && g > 90 && g < b) {
      count++;
      shades.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
    }
  }
  return { share: count / (png.width * png.height), shades: shades.size };
}

/** Share of pixels in the heatmap's yellow-to-red (no building is amber or red here: no incidents). */
function heatShare(png: PNG): number {
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, b] = [png.data[i]!, png.data[i + 2]!];
    if (r > 150 && b < 110 && r - b > 90) count++;
  }
  return count / (png.width * png.height);
}

/** Mean red minus blue over the pixels that differ between two shots: > 0 means warmer in `a`. */
function warmthOfChange(a: PNG, b: PNG): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const delta = Math.max(...[0, 1, 2].map((c) => Math.abs(a.data[i + c]! - b.data[i + c]!)));
    if (delta <= 48) continue;
    sum += a.data[i]! - a.data[i + 2]! - (b.data[i]! - b.data[i + 2]!);
    n++;
  }
  return n === 0 ? 0 : sum / n;
}

describe('the live map', () => {
  let rig: WallRig;

  beforeAll(async () => {
    rig = await WallRig.start({ name: 'wall-map' });
    const passes = Array.from({ length: PASSES }, (_, i) => eventOf('face_access', { compoundId: COMPOUNDS[(i * 7) % 40]! }));
    await rig.send(passes);
    await waitFor('the passes in the relay', () => (rig.relay.relay.snapshot().totals.camera === PASSES ? true : undefined), 30_000);
  });

  afterAll(async () => {
    await rig?.stop();
  });

  it('draws the buildings and the heatmap at 1920×1080, one heat source at a time, offline', async () => {
    const wall = await rig.openWall('', { width: 1920, height: 1080 });
    const { page } = wall;
    await mapReady(page);
    await mapHasView(page, rig.relay.relay.snapshot().seq);
    await mapIsStill(page);
    const middle = middleOf(1920, 1080);
    const all = await screenshotOf(page, middle);

    const buildings = buildingPixels(all);
    expect(buildings.share).toBeGreaterThan(0.1);
    expect(buildings.shades).toBeGreaterThan(20);
    expect(heatShare(all)).toBeGreaterThan(0.005);

    // The sensors saw nothing: their heatmap is empty, and the camera heat is gone from the screen.
    await showHeatOf(page, 'sensor');
    await mapIsStill(page);
    const sensor = await screenshotOf(page, middle);
    expect(changedShare(all, sensor)).toBeGreaterThan(0.03);
    expect(warmthOfChange(all, sensor)).toBeGreaterThan(40);

    await showHeatOf(page, 'camera');
    await mapIsStill(page);
    expect(changedShare(all, await screenshotOf(page, middle))).toBeLessThan(0.01);

    expect(wall.errors).toEqual([]);
    expect(wall.external).toEqual([]);
    await page.close();
  });

  it('fills a 7680×2160 wall at full resolution with buildings and heat', async () => {
    const wall = await rig.openWall('', { width: 7680, height: 2160 });
    const { page } = wall;
    // The first 8K frame takes software GL most of a minute on an idle machine, minutes on a busy one.
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 300_000 });
    await mapHasView(page, rig.relay.relay.snapshot().seq, 60_000);
    await mapIsStill(page, 2_500, 180_000);
    const buffer = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas');
      return canvas && { width: canvas.width, height: canvas.height };
    });
    // maplibre's default maxCanvasSize would have shrunk it to 4096×1152.
    expect(buffer).toEqual({ width: 7680, height: 2160 });
    const middle = decodePng(await page.screenshot({ clip: middleOf(7680, 2160) }));
    expect(buildingPixels(middle).share).toBeGreaterThan(0.05);
    expect(heatShare(middle)).toBeGreaterThan(0.005);
    expect(wall.errors).toEqual([]);
    expect(wall.external).toEqual([]);
    await page.close();
  }, 600_000);
});
