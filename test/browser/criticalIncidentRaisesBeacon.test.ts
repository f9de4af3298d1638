// A critical event produced to Kafka raises an alarm beacon over its compound — the pixels in
// that compound's part of the screen change — and a feed entry; its closed follow-up takes the
// beacon down, and that part of the screen looks as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../geo/loadPack.ts';
import { KIND_INFO } from '../../relay/contract/index.ts';
import { eventOf } from '../integration/support/events.ts';
import { waitFor } from '../integration/support/relays.ts';
import { beaconsShown, changedShare, mapIsStill, openCompoundRegion, screenshotOf, showHeatOf } from './support/wallMap.ts';
import type { WallPage } from './support/wallPage.ts';
import { WallRig } from './support/wallRig.ts';

const pack = await loadPack();

/** The region watched: where a beacon rises over the label point, and a margin round it. */
const ABOVE_PX = 220;
const AROUND_PX = 70;

describe('an alarm beacon over a compound with an open critical incident', () => {
  let rig: WallRig;
  let wall: WallPage;

  beforeAll(async () => {
    rig = await WallRig.start({ name: 'wall-beacon' });
    wall = await rig.openWallWithView();
  });

  afterAll(async () => {
    await rig?.stop();
  });

  it('rises when the incident opens, with a feed entry, and goes when it closes', async () => {
    const { page } = wall;
    // The 110 heat stays cold here, so the camera event's own heat cannot change the picture.
    await showHeatOf(page, 'alarm110');
    const region = await openCompoundRegion(page, ABOVE_PX, AROUND_PX);
    const { compoundId, ...clip } = region;
    const name = pack.compounds.features.find((c) => c.properties.id === compoundId)?.properties.name ?? compoundId;
    await mapIsStill(page);
    // Straight above the label point, over other compounds' roofs: only the pillar's light lands there.
    const shaft = { x: clip.x + AROUND_PX - 8, y: clip.y + ABOVE_PX - 150, width: 16, height: 100 };
    const before = await screenshotOf(page, clip);
    const shaftBefore = await screenshotOf(page, shaft);
    await page.waitForTimeout(500);
    expect(changedShare(before, await screenshotOf(page, clip)), 'a still map drew something new').toBeLessThan(0.005);

    const opened = eventOf('high_altitude_throw', { compoundId, note: '测试: 高空抛物' });
    await rig.send([opened]);
    const entry = page.locator('[data-testid="feed-item"]', { hasText: KIND_INFO.high_altitude_throw.label.zh }).filter({ hasText: name });
    await entry.first().waitFor({ timeout: 30_000 });
    await waitFor('the beacon', async () => ((await beaconsShown(page)).includes(compoundId) ? true : undefined), 30_000);
    const raised = await waitFor(
      'the beacon on screen',
      async () => {
        const share = changedShare(before, await screenshotOf(page, clip));
        const lit = changedShare(shaftBefore, await screenshotOf(page, shaft));
        return share > 0.05 && lit > 0.25 ? share : undefined;
      },
      30_000,
    );

    await rig.send([eventOf('high_altitude_throw', { compoundId, status: 'closed', ref: opened.id })]);
    await waitFor('the beacon to go', async () => ((await beaconsShown(page)).includes(compoundId) ? undefined : true), 30_000);
    // What may remain is the event's dot on the label point, fading for a minute.
    await waitFor(
      'the region as it was before',
      async () => (changedShare(before, await screenshotOf(page, clip)) < Math.min(0.03, raised / 3) ? true : undefined),
      30_000,
    );
    expect(wall.errors).toEqual([]);
    expect(wall.external).toEqual([]);
  });
});
