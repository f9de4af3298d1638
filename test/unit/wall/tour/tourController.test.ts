// The tour's rules with a fake clock: auto-advance, the presenter taking over, blanking,
// interruption by an alarm, looping and ending.
import { describe, expect, it } from 'vitest';
import {
  interrupt,
  nextStep,
  phaseOf,
  previousStep,
  resume,
  startTour,
  tick,
  toggleBlank,
  type TourPlan,
} from '../../../../wall/tour/tourController.ts';

const LOOPING: TourPlan = { dwellsMs: [10_000, 20_000, 5_000], loop: true };
const ONCE: TourPlan = { ...LOOPING, loop: false };
const T0 = 1_000_000;

describe('the tour controller', () => {
  it('starts playing the first step with its dwell counting', () => {
    const state = startTour(LOOPING, T0);
    expect(state).toMatchObject({ step: 0, auto: true, deadline: T0 + 10_000, ended: false });
    expect(phaseOf(state)).toBe('playing');
  });

  it('auto-advances when each dwell has passed, and not before', () => {
    let state = startTour(LOOPING, T0);
    expect(tick(LOOPING, state, T0 + 9_999)).toBe(state);
    state = tick(LOOPING, state, T0 + 10_000);
    expect(state).toMatchObject({ step: 1, deadline: T0 + 30_000 });
    state = tick(LOOPING, state, T0 + 30_000);
    expect(state).toMatchObject({ step: 2, deadline: T0 + 35_000 });
  });

  it('loops back to the first step after the last', () => {
    let state = startTour(LOOPING, T0);
    for (const at of [10_000, 30_000, 35_000]) state = tick(LOOPING, state, T0 + at);
    expect(state).toMatchObject({ step: 0, ended: false, deadline: T0 + 45_000 });
  });

  it('ends after the last step of a tour that does not loop', () => {
    let state = startTour(ONCE, T0);
    for (const at of [10_000, 30_000, 35_000]) state = tick(ONCE, state, T0 + at);
    expect(state).toMatchObject({ ended: true, deadline: null });
    expect(nextStep(ONCE, state, T0 + 36_000)).toBe(state);
  });

  it('hands the tour to the presenter on PageDown: next step, paused, no auto-advance', () => {
    const state = nextStep(LOOPING, startTour(LOOPING, T0), T0 + 3_000);
    expect(state).toMatchObject({ step: 1, auto: false, deadline: null });
    expect(phaseOf(state)).toBe('paused');
    expect(tick(LOOPING, state, T0 + 1_000_000)).toBe(state);
  });

  it('steps back on PageUp and stays on the first step', () => {
    let state = nextStep(LOOPING, startTour(LOOPING, T0), T0);
    state = previousStep(LOOPING, state, T0);
    expect(state.step).toBe(0);
    expect(previousStep(LOOPING, state, T0).step).toBe(0);
  });

  it('wraps from the last step to the first on PageDown when looping, and ends when not', () => {
    const last = (plan: TourPlan) => nextStep(plan, nextStep(plan, startTour(plan, T0), T0), T0);
    expect(nextStep(LOOPING, last(LOOPING), T0)).toMatchObject({ step: 0, ended: false });
    expect(nextStep(ONCE, last(ONCE), T0)).toMatchObject({ ended: true });
  });

  it('keeps what was left of the dwell through a blank screen', () => {
    let state = startTour(LOOPING, T0);
    state = toggleBlank(LOOPING, state, T0 + 4_000);
    expect(phaseOf(state)).toBe('blank');
    expect(state.deadline).toBeNull();
    expect(tick(LOOPING, state, T0 + 60_000)).toBe(state);
    state = toggleBlank(LOOPING, state, T0 + 60_000);
    expect(phaseOf(state)).toBe('playing');
    expect(state.deadline).toBe(T0 + 60_000 + 6_000);
  });

  it('lifts a blank on a step key without moving', () => {
    const blank = toggleBlank(LOOPING, startTour(LOOPING, T0), T0 + 1_000);
    const next = nextStep(LOOPING, blank, T0 + 2_000);
    expect(next).toMatchObject({ step: 0, blank: false, auto: true, deadline: T0 + 2_000 + 9_000 });
    expect(previousStep(LOOPING, blank, T0 + 2_000)).toMatchObject({ step: 0, blank: false });
  });

  it('stops the dwell while an alarm holds the camera and restarts it in full afterwards', () => {
    let state = tick(LOOPING, startTour(LOOPING, T0), T0 + 10_000);
    state = interrupt(state);
    expect(phaseOf(state)).toBe('interrupted');
    expect(state).toMatchObject({ step: 1, deadline: null });
    expect(tick(LOOPING, state, T0 + 500_000)).toBe(state);
    state = resume(LOOPING, state, T0 + 500_000);
    expect(phaseOf(state)).toBe('playing');
    expect(state).toMatchObject({ step: 1, deadline: T0 + 500_000 + 20_000 });
  });

  it('lifts a blank when an alarm interrupts, so a critical alarm is never hidden', () => {
    const state = interrupt(toggleBlank(LOOPING, startTour(LOOPING, T0), T0 + 1_000));
    expect(state.blank).toBe(false);
    expect(phaseOf(state)).toBe('interrupted');
  });

  it('stays in the presenter’s hands through an interruption', () => {
    const paused = nextStep(LOOPING, startTour(LOOPING, T0), T0);
    const after = resume(LOOPING, interrupt(paused), T0 + 9_000);
    expect(after).toMatchObject({ step: 1, auto: false, deadline: null });
    expect(phaseOf(after)).toBe('paused');
  });

  it('starts interrupted, without counting, when an alarm already holds the camera', () => {
    const state = startTour(LOOPING, T0, true);
    expect(phaseOf(state)).toBe('interrupted');
    expect(state.deadline).toBeNull();
    expect(resume(LOOPING, state, T0 + 5_000).deadline).toBe(T0 + 15_000);
  });
});
