import { describe, expect, it } from 'vitest';
import { applyEvent, snapshot, takeDelta } from '../../../relay/state/index.ts';
import { RESYNC_RETRY_MS, SnapshotSync } from '../../../relay/protocol/snapshotSync.ts';
import { NOON, compoundAt, event, newState } from '../state/helpers.ts';

describe('the wall keeping in step with the relay', () => {
  it('followsDeltasAfterTheSnapshotToTheRelaysExactFigures', () => {
    const state = newState();
    const sync = new SnapshotSync();
    sync.takeSnapshot(snapshot(state, NOON));
    applyEvent(state, event({ kind: 'smoke' }), NOON + 1);
    applyEvent(state, event({ kind: 'burglary', compoundId: compoundAt(3) }), NOON + 2);
    expect(sync.takeDelta(takeDelta(state, NOON + 250), NOON + 250)).toBe(false);
    applyEvent(state, event({ kind: 'face_access' }), NOON + 300);
    expect(sync.takeDelta(takeDelta(state, NOON + 500), NOON + 500)).toBe(false);
    expect(sync.snapshot?.byKind).toEqual(snapshot(state, NOON + 500).byKind);
    expect(sync.snapshot?.totals).toEqual({ sensor: 1, camera: 1, alarm110: 1, grid: 0, hotline: 0 });
  });

  it('keepsUntouchedPartsByIdentitySoNothingDownstreamRedoesThem', () => {
    const state = newState();
    const sync = new SnapshotSync();
    sync.takeSnapshot(snapshot(state, NOON));
    const before = sync.snapshot!;
    applyEvent(state, event({ kind: 'smoke' }), NOON + 1);
    sync.takeDelta(takeDelta(state, NOON + 250), NOON + 250);
    const after = sync.snapshot!;
    expect(after).not.toBe(before);
    expect(after.byKind).not.toBe(before.byKind);
    expect(after.yesterday).toBe(before.yesterday);
    expect(after.compounds[0]).not.toBe(before.compounds[0]);
    expect(after.compounds[10]).toBe(before.compounds[10]);
  });

  it('asksForASnapshotOnAGapAndKeepsTheLastViewMeanwhile', () => {
    const state = newState();
    const sync = new SnapshotSync();
    sync.takeSnapshot(snapshot(state, NOON));
    applyEvent(state, event({ kind: 'smoke' }), NOON + 1);
    takeDelta(state, NOON + 250); // lost on the way
    const shown = sync.snapshot;
    applyEvent(state, event({ kind: 'gas_leak' }), NOON + 300);
    expect(sync.takeDelta(takeDelta(state, NOON + 500), NOON + 500)).toBe(true);
    expect(sync.snapshot).toBe(shown);
    expect(sync.resyncing).toBe(true);
  });

  it('ignoresDeltasWhileASnapshotIsAwaitedAndAsksAgainOnlyAfterTheRetryTime', () => {
    const state = newState();
    const sync = new SnapshotSync();
    sync.takeSnapshot(snapshot(state, NOON));
    takeDelta(state, NOON + 250); // lost
    let now = NOON + 500;
    expect(sync.takeDelta(takeDelta(state, now), now)).toBe(true);
    now += RESYNC_RETRY_MS - 1;
    expect(sync.takeDelta(takeDelta(state, now), now)).toBe(false);
    now += 1;
    expect(sync.takeDelta(takeDelta(state, now), now)).toBe(true);
  });

  it('isBackInStepWithTheSnapshotThatAnswersTheRequest', () => {
    const state = newState();
    const sync = new SnapshotSync();
    sync.takeSnapshot(snapshot(state, NOON));
    takeDelta(state, NOON + 250); // lost
    sync.takeDelta(takeDelta(state, NOON + 500), NOON + 500);
    applyEvent(state, event({ kind: 'door_open' }), NOON + 600);
    sync.takeSnapshot(snapshot(state, NOON + 700));
    expect(sync.resyncing).toBe(false);
    applyEvent(state, event({ kind: 'door_open' }), NOON + 800);
    expect(sync.takeDelta(takeDelta(state, NOON + 1_000), NOON + 1_000)).toBe(false);
    expect(sync.snapshot?.byKind.door_open).toBe(2);
  });

  it('ignoresADeltaItAlreadyHas', () => {
    const state = newState();
    const sync = new SnapshotSync();
    applyEvent(state, event({ kind: 'smoke' }), NOON + 1);
    const delta = takeDelta(state, NOON + 250);
    sync.takeSnapshot(snapshot(state, NOON + 300));
    const shown = sync.snapshot;
    expect(sync.takeDelta(delta, NOON + 300)).toBe(false);
    expect(sync.snapshot).toBe(shown);
  });
});
