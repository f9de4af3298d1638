// The readout's "deltas dropped": how many deltas a wall never got, found from the sequence.
import { describe, expect, it } from 'vitest';
import { applyEvent, snapshot, takeDelta } from '../../../../relay/state/index.ts';
import { SnapshotSync } from '../../../../relay/protocol/snapshotSync.ts';
import { NOON, event, newState } from '../../state/helpers.ts';

describe('how often the wall fell out of step', () => {
  it('countsNothingWhileEveryDeltaArrives', () => {
    const state = newState();
    const sync = new SnapshotSync();
    sync.takeSnapshot(snapshot(state, NOON));
    for (let i = 1; i <= 5; i++) {
      applyEvent(state, event({ kind: 'smoke' }), NOON + i * 250 - 1);
      sync.takeDelta(takeDelta(state, NOON + i * 250), NOON + i * 250);
    }
    expect(sync.stats).toEqual({ gaps: 0, dropped: 0, resyncs: 0 });
  });

  it('countsTheDeltasAGapSkippedAndTheResyncThatEndedIt', () => {
    const state = newState();
    const sync = new SnapshotSync();
    sync.takeSnapshot(snapshot(state, NOON));
    for (let i = 1; i <= 3; i++) takeDelta(state, NOON + i * 250); // three lost on the way
    sync.takeDelta(takeDelta(state, NOON + 1_000), NOON + 1_000);
    // Deltas while the snapshot is awaited are ignored, not counted again.
    sync.takeDelta(takeDelta(state, NOON + 1_250), NOON + 1_250);
    expect(sync.stats).toEqual({ gaps: 1, dropped: 3, resyncs: 0 });
    sync.takeSnapshot(snapshot(state, NOON + 1_300));
    takeDelta(state, NOON + 1_500); // one more lost
    sync.takeDelta(takeDelta(state, NOON + 1_750), NOON + 1_750);
    sync.takeSnapshot(snapshot(state, NOON + 1_800));
    expect(sync.stats).toEqual({ gaps: 2, dropped: 4, resyncs: 2 });
  });

  it('countsNoResyncForASnapshotNobodyAskedFor', () => {
    const state = newState();
    const sync = new SnapshotSync();
    sync.takeSnapshot(snapshot(state, NOON));
    sync.takeSnapshot(snapshot(state, NOON + 1_000)); // a reconnect's snapshot
    expect(sync.stats.resyncs).toBe(0);
  });

  it('handsOutACopyNobodyCanChange', () => {
    const sync = new SnapshotSync();
    sync.stats.gaps = 99;
    expect(sync.stats.gaps).toBe(0);
  });
});
