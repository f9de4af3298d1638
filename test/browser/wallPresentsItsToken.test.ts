// A relay with a WALL_TOKEN lets in the wall whose URL carries it (?token=, sent as the
// handshake's auth.token) and refuses the wall without it, which says so instead of waiting.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { topicNames } from '../../relay/contract/index.ts';
import { launchChromium } from '../infra/chromium.ts';
import { createTopics } from '../infra/kafkaBroker.ts';
import { uniquePrefix, waitFor } from '../integration/support/relays.ts';
import { openWall, shownCounts, shownPhase } from './support/wallPage.ts';
import { WallRelay } from './support/wallRelay.ts';

const brokers = inject('kafkaBrokers');
const prefix = uniquePrefix('wall-token');
const topics = topicNames(prefix);
const TOKEN = 'wall-token-9f3e1c';

describe('a wall before a relay with a token', () => {
  let browser: Browser;
  let relay: WallRelay;

  beforeAll(async () => {
    await createTopics(brokers, [topics.sensor, topics.camera, topics.alarm110], { partitions: 1 });
    relay = await WallRelay.start({ brokers, prefix, wallToken: TOKEN });
    ({ browser } = await launchChromium());
  });

  afterAll(async () => {
    await browser?.close();
    await relay?.stop();
  });

  it('isRefusedWithoutTheTokenAndSaysSo', async () => {
    const wall = await openWall(browser, relay.url, { width: 1920, height: 1080 });
    await waitFor('the refusal on screen', async () => ((await shownPhase(wall.page)) === 'unauthorized' ? true : undefined), 30_000);
    expect(await shownCounts(wall.page, ['count-sensor'])).toEqual({ 'count-sensor': null });
    await wall.page.close();
  });

  it('isLetInWithTheTokenFromItsUrl', async () => {
    const wall = await openWall(browser, `${relay.url}?token=${TOKEN}`, { width: 1920, height: 1080 });
    await waitFor('the first snapshot', async () => ((await shownCounts(wall.page, ['count-sensor']))['count-sensor'] === 0 ? true : undefined), 30_000);
    expect(await shownPhase(wall.page)).not.toBe('unauthorized');
    expect(wall.errors).toEqual([]);
    await wall.page.close();
  });
});
