// The knobs of the relay's state, their defaults, and the checks that turn a bad value into a
// one-line error before any event is applied. Every size here is a memory bound.

export interface StateConfig {
  /** IANA zone whose local calendar day "today" means. */
  timeZone: string;
  /** Event ids remembered per dedup generation; between 1× and 2× this many are remembered. */
  dedupCapacity: number;
  /** Cells per side of each source's heat grid over the pack's bbox. */
  heatCells: number;
  /** Time for a heat cell's weight to halve. */
  heatHalfLifeMs: number;
  /** Notable events kept in the feed. */
  feedSize: number;
  /** Critical events kept in the alarm feed, so alarms reach walls when the feed overflows. */
  alarmFeedSize: number;
  /** Most recent time-to-close durations kept per day for the median and p90. */
  closeSampleSize: number;
  /** Open incidents kept; past it the earliest-arrived one is dropped (counted as evicted). */
  maxOpenIncidents: number;
  /** Closes that arrived before their open, kept until the open comes (oldest dropped first). */
  maxPendingCloses: number;
  /** What the figures are: a replay of this historical day ('YYYY-MM-DD', the embedded demo), or null: live data. */
  replayOf: string | null;
  /** Grid and hotline cases kept, open or closed, to judge their steps (the first to arrive dropped first). */
  maxCases: number;
  /** Grid and hotline openings and steps kept in the case feed. */
  caseFeedSize: number;
  /** Days before 1 January from which grid and hotline cases are taken (cases still open at the new year). */
  caseLookbackDays: number;
}

export type StateOptions = Partial<StateConfig>;

// 250k ids per generation is minutes of history at thousands of events/s, enough for a
// consumer's redelivery after a rebalance, in two tables of 2^19 slots of 12 bytes (12.6 MB, held
// from the start: dedup.ts). 40,000 cases is more than two years of the article's volumes (about
// 15,000 grid and 2,000 hotline cases a year), and the relay holds at most 15 months of them (the
// look-back and the year so far).
export const DEFAULT_STATE_CONFIG: Readonly<StateConfig> = {
  timeZone: 'Asia/Shanghai',
  dedupCapacity: 250_000,
  heatCells: 64,
  heatHalfLifeMs: 15 * 60_000,
  feedSize: 50,
  alarmFeedSize: 50,
  closeSampleSize: 4096,
  maxOpenIncidents: 50_000,
  maxPendingCloses: 10_000,
  replayOf: null,
  maxCases: 40_000,
  caseFeedSize: 20,
  caseLookbackDays: 92,
};

const SIZE_LIMITS: Readonly<Record<Exclude<keyof StateConfig, 'timeZone' | 'replayOf'>, [number, number]>> = {
  dedupCapacity: [1, 50_000_000],
  heatCells: [1, 1024],
  heatHalfLifeMs: [1, 7 * 24 * 3_600_000],
  feedSize: [1, 10_000],
  alarmFeedSize: [1, 10_000],
  closeSampleSize: [1, 1_000_000],
  maxOpenIncidents: [1, 10_000_000],
  maxPendingCloses: [1, 10_000_000],
  maxCases: [1, 10_000_000],
  caseFeedSize: [1, 10_000],
  caseLookbackDays: [0, 366],
};

/** The zone's canonical name; throws one line when the runtime does not know it. */
export function checkTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    const hint = 'expected an IANA name like Asia/Shanghai';
    throw new Error(`state: unknown time zone "${timeZone}" (${hint})`);
  }
}

/** Defaults filled in and every value checked; throws one line naming the first bad one. */
export function resolveStateConfig(options: StateOptions = {}): StateConfig {
  const config = { ...DEFAULT_STATE_CONFIG, ...options };
  for (const [name, [min, max]] of Object.entries(SIZE_LIMITS)) {
    const value = config[name as keyof typeof SIZE_LIMITS];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`state: ${name} must be an integer ${min}–${max}, got ${String(value)}`);
    }
  }
  return { ...config, timeZone: checkTimeZone(config.timeZone) };
}
