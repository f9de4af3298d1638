// The wall's counters against a relay fed through Kafka: N events of a kind produced to Kafka
// read exactly N on screen within 2 s; with the relay stopped the wall says it is reconnecting
// and keeps its figures and map on screen; restarted, the relay gives the same figures back to
// the same page, without a reload.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { topicNames, type Kind, type ProducerEvent } from '../../relay/contract/index.ts';
import { launchChromium } from '../infra/chromium.ts';
import { createTopics } from '../infra/kafkaBroker.ts';
import { decodePng, pixelStats } from '../infra/pixels.ts';
import { COMPOUNDS, EventProducer, eventOf, recordOf } from '../integration/support/events.ts';
import { uniquePrefix, waitFor } from '../integration/support/relays.ts';
import { framesDrawn } from './support/wallMap.ts';
import { mapReady, openWall, shownCounts, shownPhase, watchCounts, type WallPage } from './support/wallPage.ts';
import { WallRelay } from './support/wallRelay.ts';

const brokers = inject('kafkaBrokers');
const prefix = uniquePrefix('wall-counters');
const topics = topicNames(prefix);

/** Counters and what they must read after both batches below. */
const EXPECTED = {
  'count-sensor': 1 + 7 + 4,
  'count-kind-smoke': 7,
  'count-kind-door_open': 4,
  'count-camera': 5,
  'count-kind-street_vendor': 5,
  'count-kind-face_access': 1_234,
  'count-kind-vehicle_pass': 1,
  'count-kind-elderly_sos': 1,
  'count-alarm110': 3,
  'count-kind-burglary': 3,
  'count-open': 1 + 7 + 4 + 5 + 3,
};
const IDS = Object.keys(EXPECTED);

function eventsOf(batch: [Kind, number][]) {
  return batch.flatMap(([kind, count]) => Array.from({ length: count }, (_, i) => eventOf(kind, { compoundId: COMPOUNDS[i % 7]! })));
}

/** Produces the events and returns how long after the send the counters showed `expected`. */
async function msUntilShown(wall: WallPage, producer: EventProducer, events: ProducerEvent[], expected: Record<string, number>) {
  const shownAt = await watchCounts(wall.page, expected);
  const sentAt = Date.now();
  await producer.send(events.map((event) => recordOf(prefix, event)));
  const at = await waitFor('the counters', () => shownAt().then((t) => t ?? undefined), 30_000).catch(async (error: unknown) => {
    const shown = await shownCounts(wall.page, Object.keys(expected));
    throw new Error(`${String(error)}; shown ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`);
  });
  return at - sentAt;
}

describe('the wall fed through Kafka', () => {
  let browser: Browser;
  let producer: EventProducer;
  let relay: WallRelay;
  let wall: WallPage;

  beforeAll(async () => {
    await createTopics(brokers, [topics.sensor, topics.camera, topics.alarm110], { partitions: 3 });
    producer = await EventProducer.connect(brokers);
    relay = await WallRelay.start({ brokers, prefix });
    ({ browser } = await launchChromium());
    wall = await openWall(browser, relay.url, { width: 1920, height: 1080 });
    // Timed on a warm pipeline: the broker's JVM and the relay's consumer past their first
    // fetch, the map past its first frames and its first beacon (shaders compile in software
    // WebGL for seconds, once).
    await mapReady(wall.page);
    const warmedUp = await watchCounts(wall.page, { 'count-kind-vehicle_pass': 1, 'count-kind-elderly_sos': 1 });
    await producer.send([eventOf('vehicle_pass'), eventOf('elderly_sos', { compoundId: COMPOUNDS[20]! })].map((event) => recordOf(prefix, event)));
    await waitFor('the warm-up events on screen', () => warmedUp().then((t) => t ?? undefined), 60_000);
    const frames = await framesDrawn(wall.page);
    await waitFor('three more map frames', async () => ((await framesDrawn(wall.page)) >= frames + 3 ? true : undefined), 60_000);
  });

  afterAll(async () => {
    await browser?.close();
    await relay?.stop();
    await producer?.close();
  });

  it('showsExactlyTheNumberOfEventsOfEachKindWithinTwoSeconds', async () => {
    const first = eventsOf([['smoke', 7], ['street_vendor', 5], ['burglary', 3], ['face_access', 1_000]]);
    const firstExpected = { 'count-kind-smoke': 7, 'count-sensor': 1 + 7, 'count-camera': 5, 'count-kind-burglary': 3, 'count-kind-face_access': 1_000 };
    expect(await msUntilShown(wall, producer, first, firstExpected)).toBeLessThan(2_000);
    // Counting on from there, still exact.
    const second = eventsOf([['door_open', 4], ['face_access', 234]]);
    expect(await msUntilShown(wall, producer, second, EXPECTED)).toBeLessThan(2_000);

    expect(await shownPhase(wall.page)).toBe('live');
    expect(wall.external).toEqual([]);
    expect(wall.errors).toEqual([]);
  });

  it('keepsTheFiguresAndTheMapOnScreenWhileTheRelayIsDownAndGetsThemBackWithoutAReload', async () => {
    expect(await shownCounts(wall.page, IDS)).toEqual(EXPECTED);
    await wall.page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    await relay.stop();
    await waitFor('the reconnecting state', async () => ((await shownPhase(wall.page)) === 'reconnecting' ? true : undefined), 15_000);
    expect(await shownCounts(wall.page, IDS)).toEqual(EXPECTED);
    const png = decodePng(await wall.page.screenshot());
    const centre = pixelStats(png, { x: 560, y: 270, width: 800, height: 540 });
    expect(centre.nonBackgroundShare).toBeGreaterThan(0.3);
    expect(centre.distinctColours).toBeGreaterThan(20);

    await relay.restart();
    await waitFor('the live state again', async () => ((await shownPhase(wall.page)) === 'live' ? true : undefined), 30_000);
    expect(await shownCounts(wall.page, IDS)).toEqual(EXPECTED);
    expect(await wall.page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(wall.external).toEqual([]);
    expect(wall.errors).toEqual([]);
  });
});
