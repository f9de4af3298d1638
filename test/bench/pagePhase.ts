// What one phase of the page cost, from the page's counters read at its start and end: frames
// per second (requestAnimationFrame callbacks), main-thread milliseconds per tick (the wall
// store's own timing of applying a delta and updating the screen) and long tasks per minute
// (main-thread tasks over 50 ms, as the browser's Long Tasks API reports them). Software WebGL draws about
// one frame a second here, so the frame rate is taken over whole frame intervals — from the
// last frame before the phase began to the last before it ended — not over the phase's length,
// which would be off by up to a frame either way. Pure.

/** Counters read from the page at one moment. */
export interface PageCounters {
  /** The page's clock (performance.now()), ms. */
  at: number;
  /** requestAnimationFrame callbacks so far, and the page's clock at the latest one. */
  frames: number;
  lastFrameAt: number;
  /** Deltas the store has applied so far, and their mean cost (ms). */
  deltas: number;
  deltaMeanMs: number;
  /** Long tasks (over 50 ms) the page's main thread ran so far. */
  longTasks: number;
}

export interface PagePhase {
  seconds: number;
  fps: number;
  ticks: number;
  /** Null when no delta arrived in the phase. */
  msPerTick: number | null;
  longTasksPerMin: number;
}

export function pagePhase(start: PageCounters, end: PageCounters): PagePhase {
  const seconds = (end.at - start.at) / 1000;
  if (!(seconds > 0)) throw new Error(`pagePhase: the phase must last, got ${seconds} s`);
  const ticks = end.deltas - start.deltas;
  // The store keeps a running mean; the phase's total is the difference of the running totals.
  const spentMs = end.deltaMeanMs * end.deltas - start.deltaMeanMs * start.deltas;
  const frames = end.frames - start.frames;
  const fps = frames > 0 ? (frames * 1000) / (end.lastFrameAt - start.lastFrameAt) : 0;
  const longTasksPerMin = ((end.longTasks - start.longTasks) * 60) / seconds;
  return { seconds, fps, ticks, msPerTick: ticks > 0 ? spentMs / ticks : null, longTasksPerMin };
}

/** Phases of the same kind from several rounds, pooled: frames and time, cost and ticks, long tasks and time. */
export function poolPhases(phases: readonly PagePhase[]): PagePhase {
  const seconds = phases.reduce((sum, phase) => sum + phase.seconds, 0);
  const frames = phases.reduce((sum, phase) => sum + phase.fps * phase.seconds, 0);
  const ticks = phases.reduce((sum, phase) => sum + phase.ticks, 0);
  const spentMs = phases.reduce((sum, phase) => sum + (phase.msPerTick ?? 0) * phase.ticks, 0);
  const longTasks = phases.reduce((sum, phase) => sum + (phase.longTasksPerMin * phase.seconds) / 60, 0);
  return {
    seconds,
    fps: seconds > 0 ? frames / seconds : 0,
    ticks,
    msPerTick: ticks > 0 ? spentMs / ticks : null,
    longTasksPerMin: seconds > 0 ? (longTasks * 60) / seconds : 0,
  };
}
