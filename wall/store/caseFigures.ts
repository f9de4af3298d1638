// The grid and hotline figures the management panel and the map show, derived from the relay's
// view alone: cases accepted today against yesterday by the same time, open and overdue now,
// the year's cases, and each rate today and for the year (CASE_RATES, the article's figures).
import { CASE_RATES, type CaseRateDef } from '../../relay/contract/cases.ts';
import { CASE_SOURCES, type CaseSource, type Label } from '../../relay/contract/kinds.ts';
import type { CasePlaceView, CohortView, Snapshot } from '../../relay/protocol/snapshot.ts';
import { relativeChange, yesterdayEventsSoFar } from './vsYesterday.ts';

export interface CaseRateFigure {
  id: string;
  label: Label;
  /** Of today's cases; null while none has reached the rate's denominator. */
  today: number | null;
  /** Of the year's cases. */
  year: number | null;
}

export interface CaseSourceFigures {
  source: CaseSource;
  /** Cases accepted today. */
  accepted: number;
  /** Relative to yesterday's cases by the same time; null when there were none. */
  change: number | null;
  open: number;
  overdue: number;
  /** Cases accepted this year. */
  yearAccepted: number;
  rates: CaseRateFigure[];
}

export interface CaseFigures {
  /** The local year the year figures count, e.g. '2026'. */
  year: string;
  sources: CaseSourceFigures[];
}

function rateOf(def: CaseRateDef, cohort: CohortView<'grid'> | CohortView<'hotline'>): number | null {
  return (cohort.rates as Readonly<Record<string, number | null>>)[def.id] ?? null;
}

/** `fraction`: share of the local day gone by. */
export function caseFigures(view: Snapshot, fraction: number): CaseFigures {
  const sources = CASE_SOURCES.map((source): CaseSourceFigures => {
    const cases = view.cases[source];
    const accepted = cases.today.accepted;
    const defs = CASE_RATES[source] as readonly CaseRateDef[];
    return {
      source,
      accepted,
      change: relativeChange(accepted, yesterdayEventsSoFar(view.yesterday, source, fraction)),
      open: cases.open,
      overdue: cases.overdue,
      yearAccepted: cases.year.accepted,
      rates: defs.map((def) => ({ id: def.id, label: def.label, today: rateOf(def, cases.today), year: rateOf(def, cases.year) })),
    };
  });
  return { year: view.cases.year, sources };
}

/** Open and overdue cases of a compound, both sources together. */
export interface CompoundCases {
  compoundId: string;
  open: number;
  overdue: number;
}

/** The compounds with cases open now, for the map. */
export function openCasesByCompound(compounds: readonly CasePlaceView[]): CompoundCases[] {
  return compounds
    .map(({ id, grid, hotline }) => ({ compoundId: id, open: grid.open + hotline.open, overdue: grid.overdue + hotline.overdue }))
    .filter((entry) => entry.open > 0);
}
