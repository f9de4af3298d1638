// The wall in Chromium, one page at one size, through phases that differ only in what its relay
// is fed: idle (nothing), low (10 events/s) and high (5,000 events/s). A second relay, which no
// page watches, is fed the rest of 5,000 events/s in every phase, so the machine carries the
// same producer, broker and relay load throughout and only the page's share moves; on a 2-core
// machine that load would otherwise decide the page's frame rate. A warm-up at the high rate
// first puts on screen what a live day shows (open incidents, beacons, heat), so the idle phase
// draws the same scene. Rounds alternate the phases' order (idle, low, high; then high, low,
// idle) and each kind of phase is pooled over the rounds. Per phase: frames per second
// (requestAnimationFrame callbacks counted in the page), main-thread ms per tick (the wall
// store's own timing, window.__wallStore) and long tasks per minute (the Long Tasks API: tasks of
// the page's main thread over 50 ms).
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { mapReady, openWall } from '../../browser/support/wallPage.ts';
import { launchChromium, type WebGlBackend } from '../../infra/chromium.ts';
import { waitUntilReady } from '../../../simulator/measure/relayHttp.ts';
import { spawnRelay, type ChildRelay } from '../../integration/support/relays.ts';
import type { BenchContext } from '../context.ts';
import { freshTopics } from '../infra/kafka.ts';
import { sendLoad } from '../infra/loadStream.ts';
import { pagePhase, poolPhases, type PageCounters, type PagePhase } from '../pagePhase.ts';
import { HIGH_RATE, LOW_RATE, TICK_HZ, VIEWPORT } from '../plan.ts';

// Page scripts as text: tsx would wrap functions passed to page.evaluate in helpers the page lacks.
export const COUNT_FRAMES_AND_LONG_TASKS =
  'window.__benchFrames = 0; window.__benchLastFrameAt = performance.now(); window.__benchLongTasks = 0; ' +
  '(function count(at) { if (at !== undefined) { window.__benchFrames++; window.__benchLastFrameAt = at; } requestAnimationFrame(count); })(); ' +
  'new PerformanceObserver((list) => { window.__benchLongTasks += list.getEntries().length; }).observe({ type: "longtask" });';
const READ_COUNTERS =
  '(() => { const timing = window.__wallStore.deltaTiming(); return { at: performance.now(), frames: window.__benchFrames, ' +
  'lastFrameAt: window.__benchLastFrameAt, deltas: timing.count, deltaMeanMs: timing.meanMs, longTasks: window.__benchLongTasks }; })()';
/** True once the store has put its first snapshot on screen. */
export const STORE_READY = 'window.__wallStore?.seq() !== null && window.__wallStore?.seq() !== undefined';
const READY_TIMEOUT_MS = 120_000;

type PhaseName = 'idle' | 'low' | 'high';
const PHASE_ORDER: readonly PhaseName[] = ['idle', 'low', 'high'];
/** What the page's relay is fed in each phase; the other relay gets the rest of the high rate. */
const PAGE_RATES: Record<PhaseName, number> = { idle: 0, low: LOW_RATE, high: HIGH_RATE };
/** Long enough for a live day's scene (open incidents, beacons, heat) to be on screen. */
const WARM_UP_SECONDS = 8;

export interface PageResult {
  chromium: string;
  webgl: WebGlBackend;
  viewport: { width: number; height: number };
  idle: PagePhase;
  low: PagePhase;
  high: PagePhase;
  /** Errors the page threw. */
  pageErrors: string[];
}

interface Feeds {
  page: { prefix: string };
  shadow: { prefix: string };
}

export const readCounters = (page: Page) => page.evaluate(READ_COUNTERS) as Promise<PageCounters>;

/** Feeds the page's relay `pageRate` and the other one the rest of the high rate for the phase. */
async function phase(context: BenchContext, page: Page, feeds: Feeds, pageRate: number, seconds = context.plan.wallPhaseSeconds): Promise<PagePhase> {
  const start = await readCounters(page);
  const feed = (prefix: string, rate: number) => (rate > 0 ? sendLoad(context.load, { prefix, rate, seconds }) : sleep(seconds * 1000));
  await Promise.all([feed(feeds.page.prefix, pageRate), feed(feeds.shadow.prefix, HIGH_RATE - pageRate)]);
  return pagePhase(start, await readCounters(page));
}

export async function measureWallPage(context: BenchContext, wallDir: string): Promise<PageResult> {
  const { brokers, plan, say } = context;
  const feeds: Feeds = { page: { prefix: await freshTopics(brokers, 'page') }, shadow: { prefix: await freshTopics(brokers, 'shadow') } };
  const relays: ChildRelay[] = [];
  let browser: Awaited<ReturnType<typeof launchChromium>>['browser'] | null = null;
  try {
    relays.push(await spawnRelay({ brokers, prefix: feeds.page.prefix, tickHz: TICK_HZ, wallDir }));
    relays.push(await spawnRelay({ brokers, prefix: feeds.shadow.prefix, tickHz: TICK_HZ }));
    await Promise.all(relays.map((relay) => waitUntilReady(relay.url, READY_TIMEOUT_MS)));
    const launched = await launchChromium();
    browser = launched.browser;
    say(`wall: Chromium ${browser.version()} (${launched.backend}) opens the wall at ${VIEWPORT.width}×${VIEWPORT.height}`);
    const wall = await openWall(browser, `${relays[0]!.url}/`, VIEWPORT);
    await mapReady(wall.page);
    await wall.page.waitForFunction(STORE_READY, undefined, { timeout: READY_TIMEOUT_MS, polling: 500 });
    await wall.page.evaluate(COUNT_FRAMES_AND_LONG_TASKS);

    say(`wall: warm-up at ${HIGH_RATE} events/s (${WARM_UP_SECONDS} s)`);
    await phase(context, wall.page, feeds, HIGH_RATE, WARM_UP_SECONDS);
    const phases: Record<PhaseName, PagePhase[]> = { idle: [], low: [], high: [] };
    for (let round = 0; round < plan.wallRounds; round++) {
      // Every other round runs backwards, so a drift in the machine's load falls on all phases alike.
      const order = round % 2 === 0 ? PHASE_ORDER : [...PHASE_ORDER].reverse();
      say(`wall: round ${round + 1} of ${plan.wallRounds}: ${order.join(', ')} (${plan.wallPhaseSeconds} s each)`);
      for (const name of order) phases[name].push(await phase(context, wall.page, feeds, PAGE_RATES[name]));
    }
    return {
      chromium: browser.version(),
      webgl: launched.backend,
      viewport: VIEWPORT,
      idle: poolPhases(phases.idle),
      low: poolPhases(phases.low),
      high: poolPhases(phases.high),
      pageErrors: wall.errors,
    };
  } finally {
    await browser?.close();
    for (const relay of relays) await relay.kill('SIGTERM');
  }
}
