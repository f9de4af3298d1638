// Where a tour is and what moves it on, as plain values: every transition takes the time `now`
// from its caller and returns a new state, so the rules are tested with a fake clock and the
// player (tourPlayer.svelte.ts) only feeds it keys, timer expiries and the camera's interruptions.
//
// Rules:
// - A tour starts playing: each step stays for its dwell, then auto-advance moves on.
// - The presenter's first PageDown/PageUp hands the tour to them: it is paused (no auto-advance)
//   from then on, so the wall never moves while someone is speaking. T twice restarts it playing.
// - B blanks the screen; the dwell stops counting and carries on where it was when unblanked. A
//   step key while blank only lifts the blank (as in a slide show), it does not move.
// - An alarm's fly-to interrupts: the dwell stops, and a blank is lifted (a critical alarm is never
//   hidden). When the interruption ends the step's dwell restarts in full: the camera flies back to
//   the step's shot, and the audience looked at the alarm, not at the caption, meanwhile.
// - After the last step the tour loops back to the first, or ends (`loop`).
// - PageUp on the first step stays there.

export interface TourPlan {
  /** Dwell of each step, ms. */
  dwellsMs: readonly number[];
  loop: boolean;
}

export interface TourState {
  /** The step shown, from 0. */
  step: number;
  /** Auto-advance is on (the presenter has not taken over). */
  auto: boolean;
  blank: boolean;
  interrupted: boolean;
  /** When auto-advance moves on; null while the dwell is not counting. */
  deadline: number | null;
  /** Dwell left when counting stopped for a blank, to carry on from. */
  leftMs: number | null;
  /** Past the last step of a tour that does not loop. */
  ended: boolean;
}

export type TourPhase = 'playing' | 'paused' | 'interrupted' | 'blank';

export function phaseOf(state: TourState): TourPhase {
  if (state.blank) return 'blank';
  if (state.interrupted) return 'interrupted';
  return state.auto ? 'playing' : 'paused';
}

const dwellOf = (plan: TourPlan, step: number) => plan.dwellsMs[step] ?? 0;

/** The dwell counts while playing, shown, and not interrupted. */
const counting = (state: TourState) => state.auto && !state.blank && !state.interrupted && !state.ended;

/** The state with its deadline set from `leftMs` (or the full dwell) if it counts, cleared if not. */
function timed(plan: TourPlan, state: TourState, now: number): TourState {
  if (!counting(state)) return { ...state, deadline: null };
  return { ...state, deadline: now + (state.leftMs ?? dwellOf(plan, state.step)), leftMs: null };
}

export function startTour(plan: TourPlan, now: number, interrupted = false): TourState {
  const state: TourState = { step: 0, auto: true, blank: false, interrupted, deadline: null, leftMs: null, ended: false };
  return timed(plan, state, now);
}

/** Moves to `step` (wrapping or ending past the last) with a fresh dwell. */
function goTo(plan: TourPlan, state: TourState, step: number, now: number): TourState {
  const count = plan.dwellsMs.length;
  if (step >= count && !plan.loop) return { ...state, ended: true, deadline: null, leftMs: null };
  return timed(plan, { ...state, step: step % count, leftMs: null }, now);
}

/** The presenter's next step (PageDown). */
export function nextStep(plan: TourPlan, state: TourState, now: number): TourState {
  if (state.ended) return state;
  if (state.blank) return toggleBlank(plan, state, now);
  return goTo(plan, { ...state, auto: false }, state.step + 1, now);
}

/** The presenter's previous step (PageUp). */
export function previousStep(plan: TourPlan, state: TourState, now: number): TourState {
  if (state.ended) return state;
  if (state.blank) return toggleBlank(plan, state, now);
  return goTo(plan, { ...state, auto: false }, Math.max(0, state.step - 1), now);
}

export function toggleBlank(plan: TourPlan, state: TourState, now: number): TourState {
  if (state.ended) return state;
  if (state.blank) return timed(plan, { ...state, blank: false }, now);
  const leftMs = state.deadline === null ? state.leftMs : Math.max(0, state.deadline - now);
  return { ...state, blank: true, deadline: null, leftMs };
}

export function interrupt(state: TourState): TourState {
  if (state.interrupted || state.ended) return state;
  return { ...state, interrupted: true, blank: false, deadline: null, leftMs: null };
}

export function resume(plan: TourPlan, state: TourState, now: number): TourState {
  if (!state.interrupted) return state;
  return timed(plan, { ...state, interrupted: false, leftMs: null }, now);
}

/** Auto-advance: the next step once the deadline has passed; the same state before it. */
export function tick(plan: TourPlan, state: TourState, now: number): TourState {
  if (state.deadline === null || now < state.deadline) return state;
  return goTo(plan, state, state.step + 1, now);
}
