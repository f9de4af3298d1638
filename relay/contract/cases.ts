// Cases of the grid centre (网格化管理) and the 12345 hotline. A case opens with an event of its
// own id and status "open"; each later step is an event whose `ref` is the case's id and whose
// `stage` says how far it has come, in this order:
//   grid:    dispatched (派遣) → handled (处置) → closed (结案)
//   hotline: contacted (先行联系) → finished (办结) → reviewed (回访) → closed (结案)
// A step may skip stages (a grid case handled on the spot is never dispatched) but never goes
// back or repeats; a `closed` step also carries status "closed". A hotline `finished` step says
// whether the case was finished by its deadline (`onTime`), a `reviewed` step what the caller
// said (`resolved`, `satisfied`).
//
// The figures below count a cohort of cases (those accepted on a day, or in a year): how many
// reached each stage by now, and the rates the article publishes, each one count over another.
import type { CaseSource, Label } from './kinds.ts';

export const CASE_STAGES = {
  grid: ['dispatched', 'handled', 'closed'],
  hotline: ['contacted', 'finished', 'reviewed', 'closed'],
} as const satisfies Record<CaseSource, readonly string[]>;

export type GridStage = (typeof CASE_STAGES.grid)[number];
export type HotlineStage = (typeof CASE_STAGES.hotline)[number];
export type CaseStage = GridStage | HotlineStage;

export const STAGE_LABELS: Readonly<Record<CaseStage, Label>> = {
  dispatched: { zh: '已派遣', en: 'Dispatched' },
  handled: { zh: '已处置', en: 'Handled' },
  contacted: { zh: '已联系', en: 'Contacted' },
  finished: { zh: '已办结', en: 'Finished' },
  reviewed: { zh: '已回访', en: 'Reviewed' },
  closed: { zh: '已结案', en: 'Closed' },
};

/** The stage a case must reach before its kind's deadline (KindInfo.deadlineHours). */
export const DEADLINE_STAGE: Readonly<Record<CaseSource, CaseStage>> = { grid: 'handled', hotline: 'finished' };

/** A step as the relay keeps it: the stage, with the outcome fields that stage carries. */
export type CaseStep =
  | { stage: 'dispatched' | 'handled' | 'contacted' | 'closed' }
  | { stage: 'finished'; onTime: boolean }
  | { stage: 'reviewed'; resolved: boolean; satisfied: boolean };

/** Wire fields only case events may carry (besides `ref` and `status`, which others use too). */
export const CASE_FIELDS = ['stage', 'onTime', 'resolved', 'satisfied'] as const;
export type CaseOutcomeField = 'onTime' | 'resolved' | 'satisfied';

/** The outcome fields each stage requires; a stage not listed takes none. */
export const STAGE_OUTCOMES: Readonly<Partial<Record<CaseStage, readonly CaseOutcomeField[]>>> = {
  finished: ['onTime'],
  reviewed: ['resolved', 'satisfied'],
};

/** Position of a stage in its source's order (0 for the first step). */
export function stageIndex(source: CaseSource, stage: CaseStage): number {
  return (CASE_STAGES[source] as readonly CaseStage[]).indexOf(stage);
}

/** What a cohort of cases is counted by: accepted, the stages reached, and the outcomes. */
export const CASE_COUNTERS = {
  grid: ['accepted', 'dispatched', 'handled', 'closed'],
  hotline: ['accepted', 'contacted', 'finished', 'onTime', 'reviewed', 'resolved', 'satisfied', 'closed'],
} as const satisfies Record<CaseSource, readonly string[]>;

export type CaseCounter = (typeof CASE_COUNTERS)[CaseSource][number];
export type CaseCounts<S extends CaseSource = CaseSource> = Record<(typeof CASE_COUNTERS)[S][number], number>;

export interface CaseRateDef<S extends CaseSource = CaseSource> {
  id: string;
  /** Cases counted by `of` over cases counted by `over`, of the same cohort. */
  of: (typeof CASE_COUNTERS)[S][number];
  over: (typeof CASE_COUNTERS)[S][number];
  label: Label;
}

/** The rates of each source, as the article names them. */
export const CASE_RATES = {
  grid: [{ id: 'closure', of: 'closed', over: 'accepted', label: { zh: '结案率', en: 'Closure rate' } }],
  hotline: [
    { id: 'contact', of: 'contacted', over: 'accepted', label: { zh: '先行联系率', en: 'First contact' } },
    { id: 'onTime', of: 'onTime', over: 'finished', label: { zh: '按时办结率', en: 'Done on time' } },
    { id: 'resolution', of: 'resolved', over: 'reviewed', label: { zh: '实际解决率', en: 'Resolved' } },
    { id: 'satisfaction', of: 'satisfied', over: 'reviewed', label: { zh: '群众满意度', en: 'Satisfaction' } },
  ],
} as const satisfies { [S in CaseSource]: readonly CaseRateDef<S>[] };

export type CaseRateId<S extends CaseSource = CaseSource> = (typeof CASE_RATES)[S][number]['id'];
/** Each rate as a share 0…1; null while its denominator is zero. */
export type CaseRates<S extends CaseSource = CaseSource> = Record<CaseRateId<S>, number | null>;

export function emptyCaseCounts<S extends CaseSource>(source: S): CaseCounts<S> {
  return Object.fromEntries(CASE_COUNTERS[source].map((counter) => [counter, 0])) as CaseCounts<S>;
}

/** The source's rates from a cohort's counts. */
export function caseRates<S extends CaseSource>(source: S, counts: CaseCounts<S>): CaseRates<S> {
  const rates: Record<string, number | null> = {};
  const table = counts as Record<string, number>;
  for (const { id, of, over } of CASE_RATES[source] as readonly CaseRateDef[]) {
    const denominator = table[over] ?? 0;
    rates[id] = denominator === 0 ? null : (table[of] ?? 0) / denominator;
  }
  return rates as CaseRates<S>;
}
