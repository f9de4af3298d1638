// Counts of grid and hotline cases. Cohorts: the cases accepted on a local day (today,
// yesterday) or in the local year, and how many of them have reached each stage and outcome by
// now — a step counts to the cohort its case was accepted in, whenever it happens, so a
// cohort's rates never exceed 100 % (CASE_RATES). Beside them, the cases open and overdue now.
// Per compound, committee and 片区 the same for today and the year; each compound has a chain
// (its own, its committee's, its 片区's) so one update reaches all three, and the places whose
// figures changed are remembered for the view.
import { emptyCaseCounts, type CaseStep } from '../contract/cases.ts';
import { CASE_SOURCES, type CaseSource } from '../contract/kinds.ts';
import type { CaseRecord } from './caseBook.ts';
import type { Places } from './places.ts';

/** Cases of a cohort by counter name (CASE_COUNTERS of the source). */
export type Counts = Record<string, number>;

export interface OpenCounts {
  open: number;
  overdue: number;
}

export interface SourceCases extends OpenCounts {
  today: Counts;
  yesterday: Counts;
  year: Counts;
}

export interface PlaceCases {
  id: string;
  sources: Record<CaseSource, OpenCounts & { today: Counts; year: Counts }>;
}

export interface CaseFigures {
  /** Local dates of the day cohorts, and the local year ('YYYY') of the year cohorts. */
  today: string;
  yesterday: string;
  year: string;
  sources: Record<CaseSource, SourceCases>;
  compounds: Map<string, PlaceCases>;
  committees: Map<string, PlaceCases>;
  areas: Map<string, PlaceCases>;
  chains: Map<string, readonly PlaceCases[]>;
  /** Places (compounds, committees, 片区) whose figures changed since the view was last built. */
  changed: Set<PlaceCases>;
  /** Whether a source's figures changed since then. */
  sourcesChanged: boolean;
}

function placeCases(id: string): PlaceCases {
  const sources = {} as PlaceCases['sources'];
  for (const source of CASE_SOURCES) {
    sources[source] = { today: emptyCaseCounts(source), year: emptyCaseCounts(source), open: 0, overdue: 0 };
  }
  return { id, sources };
}

function sourceCases(source: CaseSource): SourceCases {
  return { today: emptyCaseCounts(source), yesterday: emptyCaseCounts(source), year: emptyCaseCounts(source), open: 0, overdue: 0 };
}

const placesOf = (ids: readonly string[]) => new Map(ids.map((id) => [id, placeCases(id)]));

export function createCaseFigures(places: Places, today: string, yesterday: string): CaseFigures {
  const compounds = placesOf(places.compoundIds);
  const committees = placesOf(places.committeeIds);
  const areas = placesOf(places.areaIds);
  const chains = new Map<string, readonly PlaceCases[]>();
  for (const place of places.compounds.values()) {
    const chain = [compounds.get(place.id), committees.get(place.committeeId), areas.get(place.areaId)];
    chains.set(place.id, chain.filter((entry) => entry !== undefined));
  }
  const sources = { grid: sourceCases('grid'), hotline: sourceCases('hotline') };
  const all = [...compounds.values(), ...committees.values(), ...areas.values()];
  return { today, yesterday, year: today.slice(0, 4), sources, compounds, committees, areas, chains, changed: new Set(all), sourcesChanged: true };
}

/** The counters a step adds to its cohort: its stage, and each outcome that is true. */
export function stepCounters(step: CaseStep): string[] {
  const counters: string[] = [step.stage];
  if (step.stage === 'finished' && step.onTime) counters.push('onTime');
  if (step.stage === 'reviewed') {
    if (step.resolved) counters.push('resolved');
    if (step.satisfied) counters.push('satisfied');
  }
  return counters;
}

function add(counts: Counts, counters: readonly string[]): void {
  for (const counter of counters) counts[counter] = (counts[counter] ?? 0) + 1;
}

/**
 * Adds counters to the cohorts of a case: its day's (when that is today or yesterday) and its
 * year's (when that is this year), in total and along its compound's chain.
 */
export function countCase(figures: CaseFigures, record: CaseRecord, counters: readonly string[]): void {
  const { source, openedOn } = record;
  const totals = figures.sources[source];
  const isToday = openedOn === figures.today;
  const thisYear = openedOn.slice(0, 4) === figures.year;
  if (isToday) add(totals.today, counters);
  else if (openedOn === figures.yesterday) add(totals.yesterday, counters);
  if (thisYear) add(totals.year, counters);
  figures.sourcesChanged = true;
  if (!isToday && !thisYear) return;
  for (const place of figures.chains.get(record.compoundId) ?? []) {
    if (isToday) add(place.sources[source].today, counters);
    if (thisYear) add(place.sources[source].year, counters);
    figures.changed.add(place);
  }
}

/** Adds `open` and `overdue` (each +1, −1 or 0) to the case's source and along its chain. */
export function adjustOpen(figures: CaseFigures, record: CaseRecord, open: number, overdue: number): void {
  const bump = (counts: OpenCounts) => {
    counts.open += open;
    counts.overdue += overdue;
  };
  bump(figures.sources[record.source]);
  figures.sourcesChanged = true;
  for (const place of figures.chains.get(record.compoundId) ?? []) {
    bump(place.sources[record.source]);
    figures.changed.add(place);
  }
}

/**
 * A new local day: `today` becomes yesterday when it directly follows, else both start empty;
 * in a new year the year cohorts start empty too. Open and overdue counts stay.
 */
export function rollCaseDays(figures: CaseFigures, today: string, yesterday: string): void {
  const year = today.slice(0, 4);
  const newYear = year !== figures.year;
  for (const source of CASE_SOURCES) {
    const totals = figures.sources[source];
    totals.yesterday = yesterday === figures.today ? totals.today : emptyCaseCounts(source);
    totals.today = emptyCaseCounts(source);
    if (newYear) totals.year = emptyCaseCounts(source);
    for (const map of [figures.compounds, figures.committees, figures.areas]) {
      for (const place of map.values()) {
        place.sources[source].today = emptyCaseCounts(source);
        if (newYear) place.sources[source].year = emptyCaseCounts(source);
        figures.changed.add(place);
      }
    }
  }
  figures.today = today;
  figures.yesterday = yesterday;
  figures.year = year;
  figures.sourcesChanged = true;
}
