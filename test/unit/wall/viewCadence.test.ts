// A view taken at its own cadence (at most once a period, the latest one), and a
// frame of the rewind at once.
import { describe, expect, it } from 'vitest';
import { createViewCadence, waitBeforeTaking } from '../../../wall/store/viewCadence.ts';

function clockedCadence(periodMs: number) {
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  const taken: { view: string; at: number }[] = [];
  const cadence = createViewCadence<string>({
    periodMs,
    take: (view) => taken.push({ view, at: now }),
    now: () => now,
    setTimer: (run, ms) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => timers.splice(timers.indexOf(timer as (typeof timers)[number]), 1),
  });
  /** Moves the clock on, running each timer at its time. */
  const advance = (ms: number) => {
    const until = now + ms;
    for (let due = timers.find((t) => t.at <= until); due; due = timers.find((t) => t.at <= until)) {
      timers.splice(timers.indexOf(due), 1);
      now = due.at;
      due.run();
    }
    now = until;
  };
  return { cadence, taken, advance, timers };
}

describe("the map's cadence", () => {
  it('takes the first live view at once, then the latest at most once a period', () => {
    const { cadence, taken, advance } = clockedCadence(1_000);
    cadence.offer('v1', true);
    for (const view of ['v2', 'v3', 'v4', 'v5']) {
      advance(250);
      cadence.offer(view, true);
    }
    advance(250);
    expect(taken).toEqual([
      { view: 'v1', at: 0 },
      { view: 'v4', at: 1_000 },
    ]);
    advance(1_000);
    expect(taken.at(-1)).toEqual({ view: 'v5', at: 2_000 });
  });

  it('takes a frame of the rewind at once, and the live view at once after it', () => {
    const { cadence, taken, advance, timers } = clockedCadence(1_000);
    cadence.offer('live1', true);
    advance(100);
    cadence.offer('live2', true);
    cadence.offer('frame', false);
    expect(taken.map(({ view }) => view)).toEqual(['live1', 'frame']);
    expect(timers).toHaveLength(0);
    advance(100);
    cadence.offer('live3', true);
    expect(taken.map(({ view }) => view)).toEqual(['live1', 'frame', 'live3']);
  });

  it('forgets a waiting view when stopped', () => {
    const { cadence, taken, advance } = clockedCadence(1_000);
    cadence.offer('v1', true);
    cadence.offer('v2', true);
    cadence.stop();
    advance(5_000);
    expect(taken.map(({ view }) => view)).toEqual(['v1']);
  });

  it('waits what is left of the period after a live view, nothing after a frame of the rewind', () => {
    expect(waitBeforeTaking(null, true, 500, 1_000)).toBe(0);
    expect(waitBeforeTaking(100, true, 500, 1_000)).toBe(600);
    expect(waitBeforeTaking(100, true, 1_500, 1_000)).toBe(0);
    expect(waitBeforeTaking(100, false, 500, 1_000)).toBe(0);
  });
});
