// The wall as a 24/7 kiosk, served by a relay from a copy of the build that the test can
// redeploy: no cursor and no dialog; a new build reloads the page by itself, which shows the
// same figures (and language) at once, before the relay's fresh snapshot; the heap watchdog
// reloads once and its guard stops the loop; a lost WebGL context on the map reloads too.
import type { Page } from 'playwright-core';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Kind } from '../../relay/contract/index.ts';
import type { KioskProbe } from '../../wall/kiosk/kiosk.ts';
import { WALL_BUILD_DIR } from '../infra/wallBuildDir.ts';
import { COMPOUNDS, eventOf } from '../integration/support/events.ts';
import { waitFor } from '../integration/support/relays.ts';
import { mapReady, shownCounts, shownPhase, watchCounts, type WallPage } from './support/wallPage.ts';
import { WallRig } from './support/wallRig.ts';

const BATCH: [Kind, number][] = [
  ['smoke', 6],
  ['street_vendor', 4],
  ['burglary', 3],
];
const EXPECTED = { 'count-sensor': 6, 'count-camera': 4, 'count-alarm110': 3, 'count-open': 13 };
const IDS = Object.keys(EXPECTED);

/** What the screen showed when the counters first appeared on a page (recorded in the page). */
interface FirstShown {
  counts: Record<string, number | null>;
  phase: string | null;
}
type KioskWindow = Window & { __wallKiosk?: KioskProbe; __firstShown?: FirstShown };

/** Records, on every page load from now on, the counters and the phase when the counters first show. */
async function recordFirstShown(page: Page): Promise<void> {
  await page.addInitScript((ids) => {
    const win = window as unknown as KioskWindow & { __shownCount(id: string): number | null };
    const observer = new MutationObserver(() => {
      const counts = Object.fromEntries(ids.map((id) => [id, win.__shownCount(id)]));
      if (Object.values(counts).some((count) => count === null)) return;
      const phase = document.querySelector<HTMLElement>('[data-testid="connection"]')?.dataset.phase ?? null;
      win.__firstShown = { counts, phase };
      observer.disconnect();
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  }, IDS);
}

/** Main-frame navigations of a page: the first load and every reload. */
function countLoads(page: Page): () => number {
  let loads = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) loads++;
  });
  return () => loads;
}

/** The kiosk's reload lines on the console ({wall:'kiosk', event:'reload', …}). */
function reloadLines(page: Page): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  page.on('console', (message) => {
    if (!message.text().includes('"event":"reload"')) return;
    lines.push(JSON.parse(message.text()) as Record<string, unknown>);
  });
  return lines;
}

function kiosk(page: Page): Promise<KioskProbe | null> {
  return page.evaluate(() => (window as KioskWindow).__wallKiosk ?? null);
}

function firstShown(page: Page): Promise<FirstShown | null> {
  return page.evaluate(() => (window as KioskWindow).__firstShown ?? null);
}

async function waitForReload(page: Page, reason: string): Promise<KioskProbe> {
  return waitFor(`a reload for ${reason}`, async () => {
    const probe = await kiosk(page);
    return probe?.reloads.some((record) => record.reason === reason) ? probe : undefined;
  }, 90_000);
}

/**
 * Deploys a new build into `dir` as Vite would name it: every asset under a new name, every
 * reference to it rewritten (chunks import the entry and each other), index.html last. The old
 * files stay, as they would for pages still running them.
 */
async function deployNewBuild(dir: string): Promise<string> {
  const assets = join(dir, 'assets');
  const names = await readdir(assets);
  const renamed = new Map(names.map((name) => [name, `${name.slice(0, -extname(name).length)}-next${extname(name)}`]));
  const rewrite = (text: string) => [...renamed].reduce((out, [from, to]) => out.replaceAll(from, to), text);
  for (const [from, to] of renamed) {
    const text = await readFile(join(assets, from), 'utf8');
    await writeFile(join(assets, to), rewrite(text));
  }
  const index = await readFile(join(dir, 'index.html'), 'utf8');
  await writeFile(join(dir, 'index.html'), rewrite(index));
  const entry = /<script type="module"[^>]*src="\.\/assets\/([^"]+)"/.exec(rewrite(index))?.[1];
  if (!entry) throw new Error('the built index.html names no module entry');
  return entry;
}

describe('the wall as a kiosk', () => {
  let rig: WallRig;
  let wallDir: string;
  /** Closed after each test, passed or not: a page left drawing would slow the next ones. */
  let opened: Page[] = [];

  beforeAll(async () => {
    wallDir = await mkdtemp(join(tmpdir(), 'wall-kiosk-'));
    await cp(WALL_BUILD_DIR, wallDir, { recursive: true });
    rig = await WallRig.start({ name: 'wall-kiosk', partitions: 1, relay: { wallDir } });
    const events = BATCH.flatMap(([kind, count]) => Array.from({ length: count }, (_, i) => eventOf(kind, { compoundId: COMPOUNDS[i]! })));
    await rig.send(events);
    await waitFor('the batch at the relay', () => (rig.relay.relay.snapshot().open.total === 13 ? true : undefined), 30_000);
  });

  afterAll(async () => {
    await rig?.stop();
    if (wallDir) await rm(wallDir, { recursive: true, force: true });
  });

  afterEach(async () => {
    await Promise.all(opened.map((page) => page.close()));
    opened = [];
  });

  async function openKiosk(query: string): Promise<WallPage & { loads: () => number; reloadLines: Record<string, unknown>[] }> {
    const wall = await rig.openWall(query);
    opened.push(wall.page);
    // Counted from after the first load.
    const loads = countLoads(wall.page);
    const lines = reloadLines(wall.page);
    await recordFirstShown(wall.page);
    const shown = await watchCounts(wall.page, EXPECTED);
    await waitFor('the counters', () => shown().then((at) => at ?? undefined), 30_000);
    return { ...wall, loads: () => loads() + 1, reloadLines: lines };
  }

  it('servesIndexHtmlForRevalidationAndHashedAssetsForGood', async () => {
    const index = await fetch(rig.relay.url);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const entry = /src="\.\/(assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
    const asset = await fetch(`${rig.relay.url}${entry}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('showsNoCursorAnywhereAndOpensNoDialog', async () => {
    const wall = await openKiosk('');
    await mapReady(wall.page);
    const dialogs: string[] = [];
    wall.page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    const withCursor = await wall.page.evaluate(() =>
      [...document.querySelectorAll('*')].filter((el) => getComputedStyle(el).cursor !== 'none').map((el) => el.tagName + '.' + el.className),
    );
    expect(withCursor).toEqual([]);
    // The map's canvas and the panels are among them; named here so an empty page cannot pass.
    const cursors = await wall.page.evaluate(() =>
      ['canvas.maplibregl-canvas', '[data-testid="title-bar"]', '[data-testid^="panel-"]'].map((selector) => {
        const el = document.querySelector(selector);
        return el ? getComputedStyle(el).cursor : 'missing';
      }),
    );
    expect(cursors).toEqual(['none', 'none', 'none']);

    const prevented = await wall.page.evaluate(() => {
      const stopped = (type: string) => !document.body.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true }));
      const results = { contextmenu: stopped('contextmenu'), dragstart: stopped('dragstart') };
      window.alert('x');
      const confirmed = window.confirm('x');
      const prompted = window.prompt('x');
      window.print();
      const opened = window.open('about:blank');
      return { ...results, confirmed, prompted, opened: opened !== null };
    });
    expect(prevented).toEqual({ contextmenu: true, dragstart: true, confirmed: false, prompted: null, opened: false });
    // Nor does the browser offer to translate the page.
    expect(await wall.page.evaluate(() => [document.documentElement.translate, document.querySelector<HTMLMetaElement>('meta[name="google"]')?.content])).toEqual([false, 'notranslate']);
    expect(dialogs).toEqual([]);
    expect(wall.errors).toEqual([]);
  });

  it('reloadsItselfForANewBuildAndShowsTheSameFiguresAtOnce', async () => {
    const wall = await openKiosk('?buildCheckMs=500');
    await wall.page.keyboard.press('l');
    await waitFor('English', async () => ((await wall.page.evaluate(() => document.documentElement.lang)) === 'en' ? true : undefined), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // several build checks: the same build, no reload
    expect(wall.loads()).toBe(1);

    const entry = await deployNewBuild(wallDir);
    const probe = await waitForReload(wall.page, 'build');
    expect(probe.reloads).toEqual([{ reason: 'build', at: expect.any(Number), entry: `${rig.relay.url}assets/${entry}` }]);
    expect(probe.resumedFrom).toBe(probe.reloads[0]!.at);
    expect(await wall.page.evaluate(() => document.querySelector<HTMLScriptElement>('script[type="module"]')?.src)).toBe(`${rig.relay.url}assets/${entry}`);

    // The saved figures were on screen before the relay's snapshot: the title bar did not say live yet.
    const first = await waitFor('the first figures after the reload', () => firstShown(wall.page).then((shown) => shown ?? undefined), 30_000);
    expect(first.counts).toEqual(EXPECTED);
    expect(first.phase).not.toBe('live');
    expect(await wall.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await waitFor('live again', async () => ((await shownPhase(wall.page)) === 'live' ? true : undefined), 30_000);
    expect(await shownCounts(wall.page, IDS)).toEqual(EXPECTED);

    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the new build is its own: no second reload
    expect(wall.loads()).toBe(2);
    expect(wall.reloadLines).toEqual([{ wall: 'kiosk', event: 'reload', reason: 'build', at: probe.reloads[0]!.at, entry: `${rig.relay.url}assets/${entry}` }]);
    expect(wall.errors).toEqual([]);
  });

  it('reloadsOnceWhenTheHeapPassesItsLimitAndTheGuardStopsALoop', async () => {
    const wall = await openKiosk('?heapLimitMB=1');
    const probe = await waitForReload(wall.page, 'heap');
    expect(probe.reloads).toEqual([{ reason: 'heap', at: expect.any(Number) }]);
    expect(probe.resumedFrom).toBe(probe.reloads[0]!.at);
    const first = await waitFor('the first figures after the reload', () => firstShown(wall.page).then((shown) => shown ?? undefined), 30_000);
    expect(first).toEqual({ counts: EXPECTED, phase: expect.not.stringMatching(/^live$/) });

    // Still over the limit after the reload: the guard holds the next one back.
    const held = await waitFor('the guard holding a reload', () => kiosk(wall.page).then((p) => p?.held ?? undefined), 30_000);
    expect(held.reason).toBe('heap');
    expect(wall.loads()).toBe(2);
    expect(wall.reloadLines).toEqual([{ wall: 'kiosk', event: 'reload', reason: 'heap', at: probe.reloads[0]!.at }]);
    await waitFor('live again', async () => ((await shownPhase(wall.page)) === 'live' ? true : undefined), 30_000);
    expect(await shownCounts(wall.page, IDS)).toEqual(EXPECTED);
    expect(wall.errors).toEqual([]);
  });

  it('reloadsWhenTheMapLosesItsWebGlContext', async () => {
    const wall = await openKiosk('');
    await mapReady(wall.page);
    await wall.page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas');
      canvas?.getContext('webgl2')?.getExtension('WEBGL_lose_context')?.loseContext();
    });
    const probe = await waitForReload(wall.page, 'context-lost');
    expect(probe.reloads).toEqual([{ reason: 'context-lost', at: expect.any(Number) }]);
    await waitFor('the counters after the reload', async () => ((await shownCounts(wall.page, IDS))['count-open'] === 13 ? true : undefined), 30_000);
    expect(wall.loads()).toBe(2);
  });
});
