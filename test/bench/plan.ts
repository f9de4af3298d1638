// How long and how big each measurement is: a quick plan (a few minutes on a 2-core machine)
// and a full one. The conditions the issue fixes (50 walls, 5,000 events/s, the targets) are
// constants here too, so every scenario states them from one place.

export interface BenchPlan {
  mode: 'quick' | 'full';
  /** Events pre-produced once for the ingest comparison. */
  ingestEvents: number;
  /** Seconds each relay is fed 5,000 events/s for the CPU and bytes comparison. */
  fanoutSeconds: number;
  /** Seconds of each step of the search for the naive relay's ceiling. */
  ceilingStepSeconds: number;
  /** Halvings of the bracket once the search has found one. */
  ceilingBisections: number;
  /** Seconds our relay is fed at 80 % of the naive ceiling for its latency. */
  latencySeconds: number;
  /** Seconds of each phase (without, then with the stalled wall). */
  slowClientSeconds: number;
  /** Seconds of each phase of the page (idle, low rate, high rate). */
  wallPhaseSeconds: number;
  /** Rounds of the page's phases (every other one in reverse order), pooled. */
  wallRounds: number;
}

export const QUICK_PLAN: BenchPlan = {
  mode: 'quick',
  ingestEvents: 200_000,
  fanoutSeconds: 8,
  ceilingStepSeconds: 4,
  ceilingBisections: 1,
  latencySeconds: 15,
  slowClientSeconds: 20,
  wallPhaseSeconds: 8,
  wallRounds: 2,
};

export const FULL_PLAN: BenchPlan = {
  mode: 'full',
  ingestEvents: 500_000,
  fanoutSeconds: 30,
  ceilingStepSeconds: 8,
  ceilingBisections: 3,
  latencySeconds: 60,
  slowClientSeconds: 60,
  wallPhaseSeconds: 15,
  wallRounds: 4,
};

/** Walls on a relay in the relay scenarios. */
export const WALLS = 50;
/** The event rate of the fan-out comparison and of the page's busy phase. */
export const HIGH_RATE = 5_000;
/** The page's quiet live phase. */
export const LOW_RATE = 10;
/** The stalled-wall comparison's rate, the one the relay's own stalled-wall test holds. */
export const SLOW_CLIENT_RATE = 2_000;
/** The relay's default tick. */
export const TICK_HZ = 4;
/** Probe walls whose latency is measured (besides the crowd). */
export const PROBES = 3;
/** Share of the naive relay's ceiling our latency is measured at. */
export const CEILING_SHARE = 0.8;
/** One panel of a video wall. */
export const VIEWPORT = { width: 1920, height: 1080 };
