import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../relay/state/index.ts';
import { SnapshotHistory } from '../../../../wall/replay/snapshotHistory.ts';
import { NOON, newState } from '../../state/helpers.ts';
import { SECOND, Wall } from './followingWall.ts';

const asReplayed = (view: Snapshot): Snapshot => ({ ...view, alarms: [] });

describe('the history of the live snapshot', () => {
  it('keepsAFrameEveryFrameMsAndRebuildsEachExactlyButTheAlarmList', () => {
    const history = new SnapshotHistory({ windowMs: 60 * SECOND, frameMs: 2 * SECOND, keyframeMs: 4 * SECOND });
    const wall = new Wall();
    const kept: Snapshot[] = [];
    history.record(wall.view);
    kept.push(wall.view);
    for (let i = 0; i < 40; i++) {
      const view = wall.tick(250);
      if (history.record(view, wall.delta)) kept.push(view);
    }
    expect(kept.map((view) => view.at - NOON)).toEqual([0, 2000, 4000, 6000, 8000, 10000]);
    expect(history.length).toBe(kept.length);
    kept.forEach((view, i) => expect(history.snapshot(i)).toEqual(asReplayed(view)));
  });

  it('dropsFramesOlderThanTheWindowAndStillRebuildsTheRest', () => {
    const history = new SnapshotHistory({ windowMs: 10 * SECOND, frameMs: SECOND, keyframeMs: 4 * SECOND });
    const wall = new Wall();
    const kept: Snapshot[] = [];
    for (let i = 0; i < 30; i++) {
      const view = wall.tick(SECOND);
      if (history.record(view, wall.delta)) kept.push(view);
    }
    expect(history.length).toBe(11);
    expect(history.atOf(0)).toBe(wall.now - 10 * SECOND);
    const recent = kept.slice(-11);
    recent.forEach((view, i) => expect(history.snapshot(i)).toEqual(asReplayed(view)));
  });

  it('startsAFreshRunWhenTheViewChangesShapeAndKeepsBoth', () => {
    const history = new SnapshotHistory({ windowMs: 60 * SECOND, frameMs: SECOND, keyframeMs: 4 * SECOND });
    const wall = new Wall();
    const before = wall.tick(SECOND);
    history.record(before, wall.delta);
    // Another relay, configured with a coarser heat grid: views of another shape.
    const other = new Wall(newState(wall.now, { heatCells: 16 }), wall.now + SECOND);
    const after = other.tick(SECOND);
    history.record(after, other.delta);
    const later = other.tick(SECOND);
    history.record(later, other.delta);
    expect(history.length).toBe(3);
    expect(history.snapshot(0)).toEqual(asReplayed(before));
    expect(history.snapshot(1)).toEqual(asReplayed(after));
    expect(history.snapshot(2)).toEqual(asReplayed(later));
  });

  it('startsOverWhenTheRelaysClockGoesBack', () => {
    const history = new SnapshotHistory({ windowMs: 60 * SECOND, frameMs: SECOND, keyframeMs: 4 * SECOND });
    const wall = new Wall();
    for (let i = 0; i < 5; i++) history.record(wall.tick(SECOND), wall.delta);
    const otherWall = new Wall(newState(NOON - 60 * SECOND), NOON - 60 * SECOND);
    const earlier = otherWall.tick(SECOND);
    expect(history.record(earlier, otherWall.delta)).toBe(true);
    expect(history.length).toBe(1);
    expect(history.snapshot(0)).toEqual(asReplayed(earlier));
  });

  it('findsTheFrameNearestToATime', () => {
    const history = new SnapshotHistory({ windowMs: 60 * SECOND, frameMs: 2 * SECOND, keyframeMs: 4 * SECOND });
    expect(history.nearest(NOON)).toBe(-1);
    const wall = new Wall();
    history.record(wall.view);
    for (let i = 0; i < 12; i++) history.record(wall.tick(SECOND), wall.delta);
    expect([NOON - 5000, NOON + 900, NOON + 1100, NOON + 4999, NOON + 5001, NOON + 60_000].map((at) => history.nearest(at))).toEqual([
      0, 0, 1, 2, 3, 6,
    ]);
  });

  it('sharesTheFeedBetweenFramesWhileItDoesNotChange', () => {
    const history = new SnapshotHistory({ windowMs: 60 * SECOND, frameMs: SECOND, keyframeMs: 4 * SECOND });
    const wall = new Wall();
    history.record(wall.tick(SECOND, 6), wall.delta);
    history.record(wall.tick(SECOND, 0), wall.delta);
    history.record(wall.tick(SECOND, 6), wall.delta);
    const [first, second, third] = [0, 1, 2].map((i) => history.snapshot(i));
    expect(second!.feed).toBe(first!.feed);
    expect(third!.feed).not.toBe(second!.feed);
    const carried = third!.feed.slice(-second!.feed.length);
    carried.forEach((item, i) => expect(item).toBe(second!.feed[i]));
    expect(history.size().feedItems).toBe(third!.feed.length);
  });

  it('keepsTheSnapshotAfterAGapWholeAndRebuildsFramesOnBothSides', () => {
    const history = new SnapshotHistory({ windowMs: 60 * SECOND, frameMs: SECOND, keyframeMs: 30 * SECOND });
    const wall = new Wall();
    const kept = [wall.view];
    history.record(wall.view);
    for (let i = 0; i < 3; i++) {
      kept.push(wall.tick(SECOND));
      history.record(wall.view, wall.delta);
    }
    wall.tick(SECOND); // a delta the wall never got: it resyncs from the relay's snapshot
    kept.push(wall.tick(SECOND));
    history.record(wall.view);
    for (let i = 0; i < 3; i++) {
      kept.push(wall.tick(SECOND));
      history.record(wall.view, wall.delta);
    }
    expect(history.size()).toMatchObject({ keyframes: 2, deltas: 6 });
    kept.forEach((view, i) => expect(history.snapshot(i)).toEqual(asReplayed(view)));
  });
});
