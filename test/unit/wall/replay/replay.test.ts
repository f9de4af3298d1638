import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../relay/state/index.ts';
import { REPLAY_IDLE_MS, Replay } from '../../../../wall/replay/replay.svelte.ts';
import { REPLAY_HISTORY } from '../../../../wall/replay/snapshotHistory.ts';
import { NOON } from '../../state/helpers.ts';
import { SECOND, Wall } from './followingWall.ts';

/** A replay fed a view a second for `seconds`; the views by relay time. */
function fedReplay(seconds: number): { replay: Replay; views: Map<number, Snapshot> } {
  const replay = new Replay();
  const wall = new Wall();
  const views = new Map<number, Snapshot>();
  for (let i = 0; i < seconds; i++) {
    const view = wall.tick(SECOND);
    views.set(view.at, view);
    replay.record(view, wall.delta);
  }
  return { replay, views };
}

describe('the wall rewound', () => {
  it('staysLiveUntilItHasAFrame', () => {
    const replay = new Replay();
    replay.run({ kind: 'toggle' });
    expect(replay.active).toBe(false);
    expect(replay.span).toBeNull();
  });

  it('showsTheFramesAsTheyWereAndReturnsToLive', () => {
    const { replay, views } = fedReplay(60);
    const newest = NOON + 60 * SECOND;
    expect(replay.span).toEqual({ oldest: NOON + SECOND, newest: NOON + 59 * SECOND });
    expect(REPLAY_HISTORY.frameMs).toBe(2 * SECOND);

    replay.run({ kind: 'toggle' });
    expect(replay.shown?.at).toBe(newest - SECOND);
    replay.run({ kind: 'step', ms: -10 * SECOND });
    expect(replay.shown).toEqual({ ...views.get(newest - 11 * SECOND)!, alarms: [] });
    replay.run({ kind: 'oldest' });
    expect(replay.shown?.at).toBe(NOON + SECOND);
    replay.seek(NOON + 30.2 * SECOND);
    expect(replay.shown).toEqual({ ...views.get(NOON + 31 * SECOND)!, alarms: [] });

    replay.run({ kind: 'live' });
    expect(replay.active).toBe(false);
    expect(replay.shown).toBeNull();
  });

  it('keepsRecordingWhileRewoundSoTheWindowMovesOn', () => {
    const { replay } = fedReplay(10);
    replay.run({ kind: 'oldest' });
    const shown = replay.shown;
    const wall = new Wall(undefined, NOON + 10 * SECOND);
    for (let i = 0; i < 6; i++) replay.record(wall.tick(SECOND), wall.delta);
    expect(replay.shown).toBe(shown);
    expect(replay.span?.newest).toBe(NOON + 15 * SECOND);
  });

  it('returnsToLiveByItselfWhenLeftRewoundAndUntouched', () => {
    const { replay } = fedReplay(30);
    replay.run({ kind: 'oldest' });
    const wall = new Wall(undefined, NOON + 30 * SECOND);
    const idleTicks = REPLAY_IDLE_MS / SECOND;
    for (let i = 1; i < idleTicks; i++) replay.record(wall.tick(SECOND), wall.delta);
    expect(replay.active).toBe(true);
    replay.run({ kind: 'step', ms: 10 * SECOND });
    for (let i = 1; i < idleTicks; i++) replay.record(wall.tick(SECOND), wall.delta);
    expect(replay.active).toBe(true);
    replay.record(wall.tick(SECOND), wall.delta);
    expect(replay.active).toBe(false);
  });
});
