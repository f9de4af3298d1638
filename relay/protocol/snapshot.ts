// What the relay publishes: the snapshot a wall starts from and the delta each tick sends.
// Plain JSON (no typed arrays, no NaN); types, two constants and a decoder, no Node imports, so
// the wall's bundle imports it as is.
import type { CaseCounts, CaseRates, CaseStep } from '../contract/cases.ts';
import type { RejectReason } from '../contract/reasons.ts';
import type { AlarmSource, CaseSource, Kind, Severity, Source } from '../contract/kinds.ts';

/** Upper edges of the open-incident age bands: <1 h, 1–4 h, 4–24 h, ≥24 h. */
export const OPEN_AGE_BAND_EDGES_MS = [3_600_000, 4 * 3_600_000, 24 * 3_600_000] as const;

/** Heat levels are log-scaled: level = round(LEVELS × log2(1 + weight)). */
export const HEAT_LEVELS_PER_DOUBLING = 8;

export type AlertLevel = 0 | 1 | 2;

/** Incident closing over one local day. */
export interface ClosureView {
  /** Incidents opened this day. */
  opened: number;
  /** Incidents closed this day, whenever they were opened. */
  closed: number;
  /** Of the incidents opened this day, how many are closed by now (for the closure rate). */
  closedOfOpened: number;
  /** closedOfOpened / opened; null when none was opened. */
  rate: number | null;
  /** Time-to-close of this day's closes (nearest rank over a bounded sample of the latest). */
  medianMs: number | null;
  p90Ms: number | null;
}

/** One local day's figures; closed follow-ups are not events in these counts. */
export interface DayView {
  /** Local date, 'YYYY-MM-DD'. */
  day: string;
  /** Events per source (passes and door swipes included). */
  totals: Record<Source, number>;
  /** Events per kind; every kind is present. */
  byKind: Record<Kind, number>;
  /** Incident-kind events per source: alarms and alerts, without passes. */
  alerts: Record<Source, number>;
  /** Events per source and local hour: 24 buckets. */
  hourly: Record<Source, number[]>;
  closure: ClosureView;
  /** Messages the ingest edge refused, by reason, counted on the day they arrived. */
  rejected: Record<RejectReason, number>;
  /**
   * Records the relay could not read and skipped (whole record batches: an unknown codec, corrupt
   * bytes), per source, counted on the day they were read; each is in the dead-letter topic.
   */
  skipped: Record<Source, number>;
}

export interface OpenView {
  total: number;
  bySeverity: Record<Severity, number>;
  /** Open incidents per age band (OPEN_AGE_BAND_EDGES_MS), by opening time. */
  ageBands: number[];
  oldestOpenedAt: number | null;
  /** Open incidents dropped, since start, because more than the configured maximum were open. */
  evicted: number;
}

/** Counts of one compound, committee or 片区. */
export interface RollupView {
  id: string;
  /** Events today. */
  today: number;
  /** Incident-kind events today. */
  alerts: number;
  /** Incidents open now. */
  open: number;
  /** Critical incidents open now. */
  critical: number;
  /** 0 normal, 1 attention (an open warning), 2 alarm (an open critical incident). */
  level: AlertLevel;
}

export interface FeedItem {
  /** Increases by one per item, so a wall knows which items it already has. */
  no: number;
  id: string;
  ts: number;
  source: Source;
  kind: Kind;
  severity: Severity;
  compoundId: string;
  compoundName: string;
  /** Free text from the producer: render as text, never as HTML. */
  note: string | null;
  /** A grid or hotline step; null for every other item. */
  step: CaseStep | null;
}

export interface HeatView {
  /** [west, south, east, north] that the grid covers, WGS84. */
  bbox: [number, number, number, number];
  cols: number;
  rows: number;
  halfLifeMs: number;
  /** Per alarm source, cols × rows levels, row-major from the south-west corner. */
  grids: Record<AlarmSource, number[]>;
}

export interface Freshness {
  /** Latest event time seen. */
  lastTs: number | null;
  /** When the latest event was received. */
  receivedAt: number | null;
}

/**
 * A cohort of cases (accepted on one local day, or in the local year): how many were accepted,
 * how many have reached each stage and outcome by now (CASE_COUNTERS), and the source's rates
 * (CASE_RATES, each a share 0…1, null while its denominator is 0).
 */
export type CohortView<S extends CaseSource = CaseSource> = CaseCounts<S> & { rates: CaseRates<S> };

/** The cohorts a source's or a place's case figures may hold (a place holds no yesterday's). */
export const CASE_COHORTS = ['today', 'yesterday', 'year'] as const;

/** One source's cases: the day and year cohorts, and the cases open and overdue now. */
export interface CaseSourceView<S extends CaseSource = CaseSource> {
  today: CohortView<S>;
  yesterday: CohortView<S>;
  year: CohortView<S>;
  /** Cases not closed, whenever they were accepted (back to the relay's horizon). */
  open: number;
  /** Of those, past their kind's deadline without reaching the deadline stage. */
  overdue: number;
}

export interface PlaceCasesView<S extends CaseSource = CaseSource> {
  today: CohortView<S>;
  year: CohortView<S>;
  open: number;
  overdue: number;
}

/** The cases of one compound, committee or 片区. */
export interface CasePlaceView {
  id: string;
  grid: PlaceCasesView<'grid'>;
  hotline: PlaceCasesView<'hotline'>;
}

/** Grid and hotline cases (relay/contract/cases.ts). */
export interface CasesView {
  /** The local year ('YYYY') the year cohorts count. */
  year: string;
  /** Epoch ms: grid and hotline events before this are not taken (1 January less the look-back). */
  since: number;
  grid: CaseSourceView<'grid'>;
  hotline: CaseSourceView<'hotline'>;
  compounds: CasePlaceView[];
  committees: CasePlaceView[];
  areas: CasePlaceView[];
  /** Openings and steps of cases, newest first, at most feedSize. */
  feed: FeedItem[];
  feedSize: number;
  /** Cases dropped, since start, because the relay keeps at most maxCases. */
  evicted: number;
}

/** Everything a wall shows; today's DayView fields sit at the top level. */
export interface Snapshot extends DayView {
  /** Sequence number of the last delta this snapshot includes. */
  seq: number;
  /** The instant the figures were taken at (epoch ms). */
  at: number;
  timeZone: string;
  /** The historical day ('YYYY-MM-DD') the figures replay (the embedded demo); null for live data. */
  replayOf: string | null;
  yesterday: DayView;
  open: OpenView;
  compounds: RollupView[];
  committees: RollupView[];
  areas: RollupView[];
  /**
   * Warning and critical events, the last read first (numbered `no` in the order the relay read
   * them), at most feedSize. After a rebuild that is not always time order (`ts`): the wall lists
   * them by `ts`.
   */
  feed: FeedItem[];
  feedSize: number;
  /** Critical events only (numbered on their own), newest first, at most alarmFeedSize. */
  alarms: FeedItem[];
  alarmFeedSize: number;
  heat: HeatView;
  freshness: Record<Source, Freshness>;
  cases: CasesView;
}

/** The changed parts of a DayView; arrays as flat [index, value, …] pairs. */
export interface DayDelta {
  day?: string;
  totals?: Partial<Record<Source, number>>;
  byKind?: Partial<Record<Kind, number>>;
  alerts?: Partial<Record<Source, number>>;
  hourly?: Partial<Record<Source, number[]>>;
  closure?: ClosureView;
  rejected?: Partial<Record<RejectReason, number>>;
  skipped?: Partial<Record<Source, number>>;
}

/** The changed parts of the cases: a source's figures whole, places changed, new feed items. */
/**
 * What changed of one source's case figures (patch.ts): of each cohort, the counts that moved —
 * its rates follow from its counts (caseRates), so they are never sent — and the cases open and
 * overdue now.
 */
export type CaseCountsPatch<T> = { [K in keyof T]?: T[K] extends { rates: unknown } ? Partial<Omit<T[K], 'rates'>> : T[K] };

/** What changed of a place's case figures, by its id; every count in a day's first delta. */
export interface CasePlacePatch {
  id: string;
  grid?: CaseCountsPatch<PlaceCasesView<'grid'>>;
  hotline?: CaseCountsPatch<PlaceCasesView<'hotline'>>;
}

/** The changed case figures; sources and places as patches of their counts. */
export interface CasesDelta {
  year?: string;
  since?: number;
  grid?: CaseCountsPatch<CaseSourceView<'grid'>>;
  hotline?: CaseCountsPatch<CaseSourceView<'hotline'>>;
  compounds?: CasePlacePatch[];
  committees?: CasePlacePatch[];
  areas?: CasePlacePatch[];
  feed?: FeedItem[];
  evicted?: number;
}

/** A grid's changed cells as flat [cell, level, …] pairs, or all its levels if that is shorter. */
export type HeatChange = { cells: number[] } | { levels: number[] };

/**
 * What changed since the previous delta (prevSeq). Values are absolute, never increments, so
 * applying one to a snapshot taken between two ticks is still exact. Its size is bounded by the
 * number of entities (kinds, compounds, hours, heat cells, feed sizes), not by the event rate.
 */
export interface Delta {
  seq: number;
  prevSeq: number;
  at: number;
  today?: DayDelta;
  yesterday?: DayDelta;
  open?: OpenView;
  compounds?: RollupView[];
  committees?: RollupView[];
  areas?: RollupView[];
  /** New items only, newest first. */
  feed?: FeedItem[];
  /** New alarm items only, newest first. */
  alarms?: FeedItem[];
  heat?: Partial<Record<AlarmSource, HeatChange>>;
  freshness?: Partial<Record<Source, Freshness>>;
  cases?: CasesDelta;
}

/** A heat level back to a weight (roughly events, decayed), for the heatmap's weights. */
export function heatWeightOfLevel(level: number): number {
  return 2 ** (level / HEAT_LEVELS_PER_DOUBLING) - 1;
}
