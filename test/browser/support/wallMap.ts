// The map as browser tests look at it: what the page's test hook (window.__wallTest) says, a
// still picture to compare against, regions of the screen around a compound, and how much of
// a region changed between two screenshots.
import type { Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import type { Region } from '../../infra/pixels.ts';
import { decodePng } from '../../infra/pixels.ts';
import type { WallTestHook } from '../../../wall/map/testHook.ts';

type HookWindow = Window & { __wallTest?: WallTestHook };

/** Resolves once the map has been given a relay view with at least this seq. */
export async function mapHasView(page: Page, minSeq = 1, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction((min) => ((window as HookWindow).__wallTest?.seq() ?? -1) >= min, minSeq, {
    timeout: timeoutMs,
    polling: 200,
  });
}

export function beaconsShown(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as HookWindow).__wallTest?.beacons() ?? []);
}

export function framesDrawn(page: Page): Promise<number> {
  return page.evaluate(() => (window as HookWindow).__wallTest?.frames() ?? 0);
}

/** Waits until the map has drawn no frame for `quietMs`: the picture on screen is final. */
export async function mapIsStill(page: Page, quietMs = 1_500, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let frames = await framesDrawn(page);
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) throw new Error(`the map kept drawing for ${timeoutMs} ms`);
    await page.waitForTimeout(250);
    const now = await framesDrawn(page);
    if (now !== frames) [frames, since] = [now, Date.now()];
  }
}

/** Presses H until the heat legend names `source`. */
export async function showHeatOf(page: Page, source: string): Promise<void> {
  const legend = page.locator('[data-heat-source]');
  for (let presses = 0; presses < 4; presses++) {
    if ((await legend.getAttribute('data-heat-source')) === source) return;
    await page.keyboard.press('h');
  }
  throw new Error(`the heat legend never showed ${source}`);
}

export interface CompoundRegion extends Region {
  compoundId: string;
}

/**
 * The compound nearest the middle of the map whose region — `above` px over its label point
 * (where a beacon rises), `around` px to each side and below — lies wholly on the map canvas,
 * uncovered by any panel.
 */
export function openCompoundRegion(page: Page, above: number, around: number): Promise<CompoundRegion> {
  return page.evaluate(
    ({ above, around }) => {
      const hook = (window as HookWindow).__wallTest;
      const canvas = document.querySelector('canvas.maplibregl-canvas');
      if (!hook || !canvas) throw new Error('the map is not up');
      const { width, height } = canvas.getBoundingClientRect();
      const onCanvas = (x: number, y: number) => document.elementFromPoint(x, y) === canvas;
      let best: { compoundId: string; x: number; y: number; width: number; height: number; distance: number } | null = null;
      for (const compoundId of hook.compoundIds()) {
        const point = hook.compoundOnScreen(compoundId);
        if (!point) continue;
        const region = { x: Math.round(point.x - around), y: Math.round(point.y - above), width: 2 * around, height: above + around };
        const corners = [
          [region.x, region.y],
          [region.x + region.width - 1, region.y],
          [region.x, region.y + region.height - 1],
          [region.x + region.width - 1, region.y + region.height - 1],
          [point.x, point.y],
        ];
        if (!corners.every(([x, y]) => x! >= 0 && y! >= 0 && x! < width && y! < height && onCanvas(x!, y!))) continue;
        const distance = Math.hypot(point.x - width / 2, point.y - height / 2);
        if (!best || distance < best.distance) best = { compoundId, ...region, distance };
      }
      if (!best) throw new Error('no compound lies uncovered on the map');
      const { distance: _, ...region } = best;
      return region;
    },
    { above, around },
  );
}

export async function screenshotOf(page: Page, region: Region): Promise<PNG> {
  return decodePng(await page.screenshot({ clip: region }));
}

/** Share of pixels of two same-sized images whose colour differs visibly (any channel by > 48). */
export function changedShare(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('changedShare: images differ in size');
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const delta = Math.max(
      Math.abs(a.data[i]! - b.data[i]!),
      Math.abs(a.data[i + 1]! - b.data[i + 1]!),
      Math.abs(a.data[i + 2]! - b.data[i + 2]!),
    );
    if (delta > 48) changed++;
  }
  return changed / (a.width * a.height);
}
