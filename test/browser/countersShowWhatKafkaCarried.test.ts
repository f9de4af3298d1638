// The wall's counters against a relay fed through Kafka: N events of a kind produced to Kafka
// read exactly N on screen within 2 s; with the relay stopped the wall says it is reconnecting
// and keeps its figures and map on screen; restarted, the relay gives the same figures back to
// the same page, without a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kind, ProducerEvent } from '../../relay/contract/index.ts';
import { decodePng, pixelStats } from '../infra/pixels.ts';
import { COMPOUNDS, eventOf } from '../integration/support/events.ts';
import { waitFor } from '../integration/support/relays.ts';
import { framesDrawn } from './support/wallMap.ts';
import { mapReady, shownCounts, shownPhase, watchCounts, type WallPage } from './support/wallPage.ts';
import { WallRig } from './support/wallRig.ts';

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
async function msUntilShown(wall: WallPage, rig: WallRig, events: ProducerEvent[], expected: Record<string, number>) {
  const shownAt = await watchCounts(wall.page, expected);
  const sentAt = Date.now();
  await rig.send(events);
  const at = await waitFor('the counters', () => shownAt().then((t) => t ?? undefined), 30_000).catch(async (error: unknown) => {
    const shown = await shownCounts(wall.page, Object.keys(expected));
    throw new Error(`${String(error)}; shown ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`);
  });
  return at - sentAt;
}

describe('the wall fed through Kafka', () => {
  let rig: WallRig;
  let wall: WallPage;

  beforeAll(async () => {
    rig = await WallRig.start({ name: 'wall-counters' });
    wall = await rig.openWall();
    // Timed on a warm pipeline: the broker's JVM and the relay's consumer past their first
    // fetch, the map past its first frames and its first beacon (shaders compile in software
    // WebGL for seconds, once).
    await mapReady(wall.page);
    const warmedUp = await watchCounts(wall.page, { 'count-kind-vehicle_pass': 1, 'count-kind-elderly_sos': 1 });
    await rig.send([eventOf('vehicle_pass'), eventOf('elderly_sos', { compoundId: COMPOUNDS[20]! })]);
    await waitFor('the warm-up events on screen', () => warmedUp().then((t) => t ?? undefined), 60_000);
    const frames = await framesDrawn(wall.page);
    await waitFor('three more map frames', async () => ((await framesDrawn(wall.page)) >= frames + 3 ? true : undefined), 60_000);
  });

  afterAll(async () => {
    await rig?.stop();
  });

  it('showsExactlyTheNumberOfEventsOfEachKindWithinTwoSeconds', async () => {
    const first = eventsOf([['smoke', 7], ['street_vendor', 5], ['burglary', 3], ['face_access', 1_000]]);
    const firstExpected = { 'count-kind-smoke': 7, 'count-sensor': 1 + 7, 'count-camera': 5, 'count-kind-burglary': 3, 'count-kind-face_access': 1_000 };
    expect(await msUntilShown(wall, rig, first, firstExpected)).toBeLessThan(2_000);
    // Counting on from there, still exact.
    const second = eventsOf([['door_open', 4], ['face_access', 234]]);
    expect(await msUntilShown(wall, rig, second, EXPECTED)).toBeLessThan(2_000);

    expect(await shownPhase(wall.page)).toBe('live');
    expect(wall.external).toEqual([]);
    expect(wall.errors).toEqual([]);
  });

  it('keepsTheFiguresAndTheMapOnScreenWhileTheRelayIsDownAndGetsThemBackWithoutAReload', async () => {
    expect(await shownCounts(wall.page, IDS)).toEqual(EXPECTED);
    await wall.page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    await rig.relay.stop();
    await waitFor('the reconnecting state', async () => ((await shownPhase(wall.page)) === 'reconnecting' ? true : undefined), 15_000);
    expect(await shownCounts(wall.page, IDS)).toEqual(EXPECTED);
    const png = decodePng(await wall.page.screenshot());
    const centre = pixelStats(png, { x: 560, y: 270, width: 800, height: 540 });
    expect(centre.nonBackgroundShare).toBeGreaterThan(0.3);
    expect(centre.distinctColours).toBeGreaterThan(20);

    await rig.relay.restart();
    await waitFor('the live state again', async () => ((await shownPhase(wall.page)) === 'live' ? true : undefined), 30_000);
    expect(await shownCounts(wall.page, IDS)).toEqual(EXPECTED);
    expect(await wall.page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(wall.external).toEqual([]);
    expect(wall.errors).toEqual([]);
  });
});
