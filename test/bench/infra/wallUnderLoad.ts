// The dev tools' rig (profileWall.ts, traceWall.ts): a broker, the wall built unminified (names
// in the profiles), its relay and a second one that takes the rest of the load, as in the bench's
// page scenario, and the wall open in Chromium with its first snapshot on screen. `feed` gives
// the page's relay `rate` events/s and the other relay the rest of `total`.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { mapReady, openWall } from '../../browser/support/wallPage.ts';
import { launchChromium } from '../../infra/chromium.ts';
import { waitUntilReady } from '../../../simulator/measure/relayHttp.ts';
import { spawnRelay, type ChildRelay } from '../../integration/support/relays.ts';
import { STORE_READY } from '../scenarios/wallPage.ts';
import { freshTopics, openKafka } from './kafka.ts';
import { openLoadSource, sendLoad } from './loadStream.ts';
import { buildWall } from './wallBuild.ts';

const WALL_DIR = '/tmp/profile-wall';

export interface WallUnderLoad {
  browser: Browser;
  page: Page;
  /** `rate` events/s to the page's relay and the rest of `total` to the other, for `seconds`. */
  feed(rate: number, total: number, seconds: number): Promise<void>;
  close(): Promise<void>;
}

/** `rebuild` false: the wall built by the last run is reused. */
export async function openWallUnderLoad(name: string, rebuild: boolean): Promise<WallUnderLoad> {
  const kafka = await openKafka(process.env);
  const relays: ChildRelay[] = [];
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close();
    for (const relay of relays) await relay.kill('SIGTERM');
    await kafka.stop();
  };
  try {
    if (rebuild) await buildWall(WALL_DIR, { minify: false });
    const load = await openLoadSource(kafka.brokers);
    const prefix = await freshTopics(kafka.brokers, name);
    const shadow = await freshTopics(kafka.brokers, 'shadow');
    relays.push(await spawnRelay({ brokers: kafka.brokers, prefix, tickHz: 4, wallDir: WALL_DIR }));
    relays.push(await spawnRelay({ brokers: kafka.brokers, prefix: shadow, tickHz: 4 }));
    await waitUntilReady(relays[0]!.url, 60_000);
    browser = (await launchChromium()).browser;
    const { page } = await openWall(browser, `${relays[0]!.url}/`, { width: 1920, height: 1080 });
    await mapReady(page);
    await page.waitForFunction(STORE_READY, undefined, { timeout: 120_000, polling: 500 });
    const send = (to: string, rate: number, seconds: number) => (rate > 0 ? sendLoad(load, { prefix: to, rate, seconds }) : sleep(seconds * 1000));
    const feed = async (rate: number, total: number, seconds: number) => {
      await Promise.all([send(prefix, rate, seconds), send(shadow, total - rate, seconds)]);
    };
    return { browser, page, feed, close };
  } catch (error) {
    await close();
    throw error;
  }
}
