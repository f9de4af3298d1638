// What the history holds at the load profile's 2,000 events/s, where every figure, every
// compound and the whole feed change between two frames. The heap it takes over a full window
// is measured by measureHistoryHeap.ts (a script: it needs --expose-gc and fifteen minutes of
// events); this test keeps the parts that figure rests on from growing unnoticed.
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../relay/protocol/snapshot.ts';
import { REPLAY_HISTORY, SnapshotHistory } from '../../../../wall/replay/snapshotHistory.ts';
import { loadViews } from './loadViews.ts';

describe('the history at 2,000 events a second', () => {
  it('keepsAMinuteAsOneKeyframeAndItsDeltasAndRebuildsEachFrameExactly', async () => {
    const history = new SnapshotHistory(REPLAY_HISTORY);
    const kept: Snapshot[] = [];
    let ticks = 0;
    for await (const { view, delta } of loadViews({ rate: 2000, seconds: 60 })) {
      ticks++;
      if (history.record(view, delta)) kept.push(view);
    }

    expect(history.length).toBe(30);
    // A keyframe a minute (the snapshot the wall connected with), and every tick's delta since.
    expect(ticks).toBeGreaterThan(200);
    expect(history.size()).toMatchObject({ keyframes: 1, deltas: ticks - 1 });
    // Deltas keep only the feed items a frame shows, but for the deltas since the newest frame
    // (up to 8 ticks, a feed's worth each, until the next frame trims them).
    const feeds = kept[0]!.feedSize + kept[0]!.cases.feedSize;
    expect(history.size().feedItems).toBeLessThanOrEqual((history.length + 8) * feeds);
    for (const i of [0, 15, 29]) expect(history.snapshot(i)).toEqual({ ...kept[i]!, alarms: [] });
  }, 60_000);
});
