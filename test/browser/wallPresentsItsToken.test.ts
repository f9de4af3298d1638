// A relay with a WALL_TOKEN lets in the wall whose URL carries it (?token=, sent as the
// handshake's auth.token) and refuses the wall without it, which says so instead of waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../integration/support/relays.ts';
import { shownCounts, shownPhase } from './support/wallPage.ts';
import { WallRig } from './support/wallRig.ts';

const TOKEN = 'wall-token-9f3e1c';

describe('a wall before a relay with a token', () => {
  let rig: WallRig;

  beforeAll(async () => {
    rig = await WallRig.start({ name: 'wall-token', partitions: 1, relay: { wallToken: TOKEN } });
  });

  afterAll(async () => {
    await rig?.stop();
  });

  it('isRefusedWithoutTheTokenAndSaysSo', async () => {
    const wall = await rig.openWall();
    await waitFor('the refusal on screen', async () => ((await shownPhase(wall.page)) === 'unauthorized' ? true : undefined), 30_000);
    expect(await shownCounts(wall.page, ['count-sensor'])).toEqual({ 'count-sensor': null });
    await wall.page.close();
  });

  it('isLetInWithTheTokenFromItsUrl', async () => {
    const wall = await rig.openWall(`?token=${TOKEN}`);
    await waitFor('the first snapshot', async () => ((await shownCounts(wall.page, ['count-sensor']))['count-sensor'] === 0 ? true : undefined), 30_000);
    expect(await shownPhase(wall.page)).not.toBe('unauthorized');
    expect(wall.errors).toEqual([]);
    await wall.page.close();
  });
});
