// What one phase of the page cost, from the page's counters read at its start and end: frames
// per second (requestAnimationFrame callbacks) and main-thread milliseconds per tick (the wall
// store's own timing of applying a delta and updating the screen). Software WebGL draws about
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
}

export interface PagePhase {
  seconds: number;
  fps: number;
  ticks: number;
  /** Null when no delta arrived in the phase. */
  msPerTick: number | null;
}

export function pagePhase(start: PageCounters, end: PageCounters): PagePhase {
  const seconds = (end.at - start.at) / 1000;
  if (!(seconds > 0)) throw new Error(`pagePhase: the phase must last, got ${seconds} s`);
  const ticks = end.deltas - start.deltas;
  // The store keeps a running mean; the phase's total is the difference of the running totals.
  const spentMs = end.deltaMeanMs * end.deltas - start.deltaMeanMs * start.deltas;
  const frames = end.frames - start.frames;
  const fps = frames > 0 ? (frames * 1000) / (end.lastFrameAt - start.lastFrameAt) : 0;
  return { seconds, fps, ticks, msPerTick: ticks > 0 ? spentMs / ticks : null };
}

/** Phases of the same kind from several rounds, pooled: frames and time, cost and ticks. */
export function poolPhases(phases: readonly PagePhase[]): PagePhase {
  const seconds = phases.reduce((sum, phase) => sum + phase.seconds, 0);
  const frames = phases.reduce((sum, phase) => sum + phase.fps * phase.seconds, 0);
  const ticks = phases.reduce((sum, phase) => sum + phase.ticks, 0);
  const spentMs = phases.reduce((sum, phase) => sum + (phase.msPerTick ?? 0) * phase.ticks, 0);
  return { seconds, fps: seconds > 0 ? frames / seconds : 0, ticks, msPerTick: ticks > 0 ? spentMs / ticks : null };
}
