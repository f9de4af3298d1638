// A page phase's cost from counters read at its start and end: frames per second over whole
// frame intervals, main-thread ms per tick from the store's running mean, and long tasks a minute.
import { describe, expect, it } from 'vitest';
import { pagePhase, poolPhases } from '../../bench/pagePhase.ts';

describe("a page phase's cost", () => {
  it('takes the frame rate over whole frame intervals, not the phase length', () => {
    // 3 frames between the last frame before the phase (at 900) and the last in it (at 3,900).
    const phase = pagePhase(
      { at: 1_000, frames: 10, lastFrameAt: 900, deltas: 4, deltaMeanMs: 5, longTasks: 7 },
      { at: 5_000, frames: 13, lastFrameAt: 3_900, deltas: 20, deltaMeanMs: 10, longTasks: 9 },
    );
    expect(phase.seconds).toBe(4);
    expect(phase.fps).toBeCloseTo(1, 9);
    expect(phase.ticks).toBe(16);
    // (20 × 10 − 4 × 5) ms over 16 ticks.
    expect(phase.msPerTick).toBeCloseTo(11.25, 9);
    // 2 long tasks in 4 s.
    expect(phase.longTasksPerMin).toBeCloseTo(30, 9);
  });

  it('has no cost per tick when no delta arrived, and no frame rate when nothing was drawn', () => {
    const still = pagePhase(
      { at: 0, frames: 5, lastFrameAt: 0, deltas: 3, deltaMeanMs: 2, longTasks: 1 },
      { at: 2_000, frames: 5, lastFrameAt: 0, deltas: 3, deltaMeanMs: 2, longTasks: 1 },
    );
    expect(still).toEqual({ seconds: 2, fps: 0, ticks: 0, msPerTick: null, longTasksPerMin: 0 });
  });

  it('pools rounds by their frames, time, ticks, cost and long tasks', () => {
    const pooled = poolPhases([
      { seconds: 10, fps: 1, ticks: 40, msPerTick: 10, longTasksPerMin: 60 },
      { seconds: 30, fps: 2, ticks: 120, msPerTick: 20, longTasksPerMin: 20 },
    ]);
    // 10 + 10 long tasks in 40 s.
    expect(pooled).toEqual({ seconds: 40, fps: 70 / 40, ticks: 160, msPerTick: (400 + 2_400) / 160, longTasksPerMin: 30 });
  });
});
