// The beacon's animation as a function of time: rings that grow from the pillar's foot and fade
// as they widen, a few at staggered phases, and a pillar that breathes. Every beacon shares
// one pulse, so one set of materials serves them all.

export const PULSE_PERIOD_MS = 2_400;
export const RING_COUNT = 3;
/** Metres on the ground. */
export const RING_RADIUS = { from: 20, to: 160 } as const;

export interface RingState {
  radius: number;
  opacity: number;
}

export function ringStates(timeMs: number): RingState[] {
  const cycle = timeMs / PULSE_PERIOD_MS;
  return Array.from({ length: RING_COUNT }, (_, i) => {
    const phase = (((cycle + i / RING_COUNT) % 1) + 1) % 1;
    return {
      radius: RING_RADIUS.from + (RING_RADIUS.to - RING_RADIUS.from) * phase,
      opacity: 0.9 * (1 - phase) ** 1.5,
    };
  });
}

/** The pillar's brightness, 0.7–1. */
export function pillarGlow(timeMs: number): number {
  return 0.85 + 0.15 * Math.sin((2 * Math.PI * timeMs) / PULSE_PERIOD_MS);
}
