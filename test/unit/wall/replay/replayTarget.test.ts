import { describe, expect, it } from 'vitest';
import { replayTarget, type FrameTimes } from '../../../../wall/replay/replayTarget.ts';

/** Frames at these relay times (seconds), nearest by plain search. */
function frames(...seconds: number[]): FrameTimes {
  const times = seconds.map((s) => s * 1000);
  return {
    length: times.length,
    atOf: (i) => times[i]!,
    nearest: (at) => (times.length === 0 ? -1 : times.reduce((best, t, i) => (Math.abs(t - at) < Math.abs(times[best]! - at) ? i : best), 0)),
  };
}

const EVERY_TWO = frames(...Array.from({ length: 31 }, (_, i) => 100 + 2 * i)); // 100 … 160 s

describe('where a replay command leads', () => {
  it('entersAtTheNewestFrameAndLeavesForLive', () => {
    expect(replayTarget(EVERY_TWO, null, { kind: 'toggle' })).toBe(30);
    expect(replayTarget(EVERY_TWO, 140_000, { kind: 'toggle' })).toBe('live');
    expect(replayTarget(EVERY_TWO, 140_000, { kind: 'live' })).toBe('live');
  });

  it('stepsToTheFrameNearestToTheTimeAStepAway', () => {
    expect(replayTarget(EVERY_TWO, 140_000, { kind: 'step', ms: -10_000 })).toBe(15);
    expect(replayTarget(EVERY_TWO, 140_000, { kind: 'step', ms: 60_000 })).toBe(30);
    expect(replayTarget(EVERY_TWO, 104_000, { kind: 'step', ms: -60_000 })).toBe(0);
    expect(replayTarget(EVERY_TWO, null, { kind: 'step', ms: -10_000 })).toBe(25);
  });

  it('goesToTheOldestFrame', () => {
    expect(replayTarget(EVERY_TWO, 150_000, { kind: 'oldest' })).toBe(0);
    expect(replayTarget(EVERY_TWO, null, { kind: 'oldest' })).toBe(0);
  });

  it('movesAtLeastOneFrameWhereFramesAreFartherApartThanAStep', () => {
    const gap = frames(100, 102, 300, 302);
    expect(replayTarget(gap, 300_000, { kind: 'step', ms: -10_000 })).toBe(1);
    expect(replayTarget(gap, 102_000, { kind: 'step', ms: 10_000 })).toBe(2);
    expect(replayTarget(gap, 100_000, { kind: 'step', ms: -10_000 })).toBe(0);
    expect(replayTarget(gap, 302_000, { kind: 'step', ms: 10_000 })).toBe(3);
  });

  it('goesNowhereWithoutFrames', () => {
    for (const kind of ['toggle', 'oldest'] as const) expect(replayTarget(frames(), null, { kind })).toBeNull();
    expect(replayTarget(frames(), null, { kind: 'step', ms: -10_000 })).toBeNull();
  });
});
