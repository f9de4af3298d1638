// The wall in a Chromium page, as browser tests drive it: every request that would leave the
// machine is refused and recorded, page errors are collected, and counters are read digit by
// digit from the rolling strips, as the screen shows them.
//
// Software WebGL keeps the page's main thread busy for most of each frame, so a call into the
// page can take a second or more to answer. Times that a test asserts are therefore taken in the
// page, when the DOM changed (watchCounts), not when a poll from outside noticed.
import type { Browser, Page } from 'playwright-core';
import { waitFor } from '../../integration/support/relays.ts';

export interface WallPage {
  page: Page;
  /** Requests to anywhere but this machine (refused). */
  external: string[];
  errors: string[];
}

interface CountReader {
  /** The number a rolling counter shows; null when it is not on screen. */
  __shownCount(id: string): number | null;
  /** Epoch ms when the watched counters first all showed their numbers. */
  __countsShownAt?: number | null;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function openWall(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<WallPage> {
  const page = await browser.newPage({ viewport });
  const external: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (LOCAL_HOSTS.has(target.hostname) || target.protocol === 'data:' || target.protocol === 'blob:') return route.continue();
    external.push(route.request().url());
    return route.abort();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    (window as unknown as CountReader).__shownCount = (id) => {
      const counter = document.querySelector(`[data-testid="${id}"]`);
      // The digit each strip is moved to show: what is on screen, not what the page meant to show.
      const strips = counter ? [...counter.querySelectorAll<HTMLElement>('.strip')] : [];
      const digits = strips.map((strip) => /^translate3d\(0px, (-?\d+)em, 0px\)$/.exec(strip.style.transform)?.[1]);
      return digits.length === 0 || digits.includes(undefined) ? null : Number(digits.map((d) => -Number(d)).join(''));
    };
  });
  await page.goto(url);
  return { page, external, errors };
}

/** The numbers the counters show, by test id. */
export function shownCounts(page: Page, ids: readonly string[]): Promise<Record<string, number | null>> {
  return page.evaluate((list) => {
    const reader = window as unknown as CountReader;
    return Object.fromEntries(list.map((id) => [id, reader.__shownCount(id)]));
  }, ids);
}

/**
 * Starts watching the counters in the page; the function returned resolves with the epoch ms
 * at which they first all showed the expected numbers (or null while they have not).
 */
export async function watchCounts(page: Page, expected: Record<string, number>): Promise<() => Promise<number | null>> {
  await page.evaluate((wanted) => {
    const reader = window as unknown as CountReader;
    const allShown = () => Object.entries(wanted).every(([id, count]) => reader.__shownCount(id) === count);
    reader.__countsShownAt = allShown() ? Date.now() : null;
    if (reader.__countsShownAt !== null) return;
    const observer = new MutationObserver(() => {
      if (!allShown()) return;
      reader.__countsShownAt = Date.now();
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
  }, expected);
  return () => page.evaluate(() => (window as unknown as CountReader).__countsShownAt ?? null);
}

/** The connection phase the title bar shows. */
export function shownPhase(page: Page): Promise<string | null> {
  return page.locator('[data-testid="connection"]').getAttribute('data-phase');
}

/** Resolves once the map has drawn its first complete frame. */
export async function mapReady(page: Page): Promise<void> {
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 120_000 });
}

/**
 * Resolves once the page has drawn its next frame, so that what a test reads is what the screen
 * shows: lines of text are fitted to their boxes at the frame, not when their text changes.
 */
export async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/**
 * Where the wall's boxes break the layout: title bar, columns and panels whose content is larger
 * than the box, or that reach outside the screen. Empty when everything fits.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  await nextFrame(page);
  return page.evaluate(() => {
    const problems: string[] = [];
    const boxes = document.querySelectorAll<HTMLElement>('[data-testid="title-bar"], [data-testid^="column-"], [data-testid^="panel-"]');
    for (const box of boxes) {
      const name = box.dataset.testid;
      const { left, top, right, bottom } = box.getBoundingClientRect();
      if (box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight) {
        problems.push(`${name}: content ${box.scrollWidth}×${box.scrollHeight} in a ${box.clientWidth}×${box.clientHeight} box`);
      }
      if (left < 0 || top < 0 || right > window.innerWidth || bottom > window.innerHeight) {
        problems.push(`${name}: reaches outside the ${window.innerWidth}×${window.innerHeight} screen`);
      }
    }
    return problems;
  });
}

/**
 * Labels the screen shows cut short with an ellipsis ("Entrance door l…"): every element whose
 * style ends overflowing text with one and whose text is wider than its box. Producers' notes
 * (free text, up to 280 characters) are cut on purpose and not counted.
 */
export async function cutTexts(page: Page): Promise<string[]> {
  await nextFrame(page);
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *:not(.note)')]
      .filter((element) => getComputedStyle(element).textOverflow === 'ellipsis' && element.scrollWidth > element.clientWidth)
      .map((element) => `${element.closest<HTMLElement>('[data-testid]')?.dataset.testid ?? element.tagName}: ${element.textContent?.trim() ?? ''}`),
  );
}

/** The fonts Chromium used to draw an element's text, with how many glyphs each drew. */
export async function fontsUsed(page: Page, selector: string): Promise<{ familyName: string; glyphCount: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no element matches ${selector}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map(({ familyName, glyphCount }) => ({ familyName, glyphCount }));
  } finally {
    await cdp.detach();
  }
}

const COMMITS_SEEN = 3;

/**
 * The elements that are the root of a compositing layer of their own, as the browser composites
 * the page now (CDP's LayerTree): each layer's element, by its data-testid, or by its class when
 * it has none.
 */
export async function compositedElements(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('DOM.getDocument');
    // Sent at each commit of the page's frames; the first ones come before the page's layers are
    // all listed: the tree as a few commits later.
    let latest: { backendNodeId?: number }[] = [];
    let commits = 0;
    cdp.on('LayerTree.layerTreeDidChange', ({ layers }) => {
      if (!layers || layers.length === 0) return;
      latest = layers;
      commits++;
    });
    await cdp.send('LayerTree.enable');
    const tree = await waitFor('a few commits of the page\'s layers', async () => (commits >= COMMITS_SEEN ? latest : undefined), 30_000);
    const names: string[] = [];
    for (const { backendNodeId } of tree) {
      if (backendNodeId === undefined) continue;
      const { node } = await cdp.send('DOM.describeNode', { backendNodeId });
      const attributes = new Map<string, string>();
      for (let i = 0; i + 1 < (node.attributes ?? []).length; i += 2) attributes.set(node.attributes![i]!, node.attributes![i + 1]!);
      names.push(attributes.get('data-testid') ?? attributes.get('class')?.split(' ')[0] ?? node.nodeName);
    }
    return names;
  } finally {
    await cdp.detach();
  }
}
