// What the history holds at the load profile's 2,000 events/s, where every figure, every
// compound and the whole feed change between two frames. The heap it takes over a full window
// is measured by measureHistoryHeap.ts (a script: it needs --expose-gc and fifteen minutes of
// events); this test keeps the parts that figure rests on from growing unnoticed.
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../relay/state/index.ts';
import { REPLAY_HISTORY, ViewHistory } from '../../../../wall/replay/viewHistory.ts';
import { loadViews } from './loadViews.ts';

describe('the history at 2,000 events a second', () => {
  it('keepsAMinuteInAFewKilobytesPerFrameAndRebuildsEachFrameExactly', async () => {
    const history = new ViewHistory(REPLAY_HISTORY);
    const kept: Snapshot[] = [];
    for await (const view of loadViews({ rate: 2000, seconds: 60 })) if (history.record(view)) kept.push(view);

    expect(history.length).toBe(30);
    const { diffBytes, baseBytes, feedItems } = history.size();
    // One run: the views kept their shape, so only the oldest frame is held whole (13k numbers).
    expect(baseBytes).toBeLessThan(120_000);
    expect(diffBytes / (history.length - 1)).toBeLessThan(4_000);
    expect(feedItems).toBeLessThanOrEqual(history.length * kept[0]!.feedSize);
    for (const i of [0, 15, 29]) expect(history.view(i)).toEqual({ ...kept[i]!, alarms: [] });
  }, 60_000);
});
