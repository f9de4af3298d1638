// Applying a grid or hotline event (relay/contract/cases.ts). An opening registers the case and
// counts as an event of its day like any other (totals, kinds, hourly); a step moves its case on
// and counts to the case's cohorts. A step the state cannot take — its case unknown, of another
// kind, or already past that stage — is refused with a reason, and the ingest dead-letters it.
// Case events older than yesterday still count: to the year, and to the cases open now.
import type { ShiquanEvent } from '../contract/event.ts';
import type { CaseSource } from '../contract/kinds.ts';
import { judgeStep, openCase, stepCase, takeOverdue, type CaseRefusal } from './caseBook.ts';
import { adjustOpen, countCase, stepCounters } from './caseFigures.ts';
import { localDateOf } from './caseState.ts';
import { countEvent } from './dayFigures.ts';
import { pushFeed } from './feed.ts';
import type { RelayState } from './state.ts';

export type CaseOutcome = 'applied' | 'duplicate' | 'too_old' | CaseRefusal;

function compoundName(state: RelayState, compoundId: string): string {
  return state.places.compounds.get(compoundId)?.name ?? compoundId;
}

function openFrom(state: RelayState, event: ShiquanEvent, source: CaseSource): CaseOutcome {
  const { cases } = state;
  if (event.ts < cases.since) return 'too_old';
  // An opening replayed from further back than the de-duplication window remembers.
  if (cases.book.cases.has(event.id)) return 'duplicate';
  const openedOn = localDateOf(cases, [state.today.day, state.yesterday.day], event.ts);
  const { id, kind, compoundId, ts } = event;
  const { record, evicted } = openCase(cases.book, { id, source, kind, compoundId, openedAt: ts, openedOn });
  if (evicted?.wasOpen) adjustOpen(cases.figures, evicted.record, -1, evicted.record.overdue ? -1 : 0);
  adjustOpen(cases.figures, record, 1, 0);
  countCase(cases.figures, record, ['accepted']);
  if (openedOn === state.today.day.date) countEvent(state.today, event);
  else if (openedOn === state.yesterday.day.date) countEvent(state.yesterday, event);
  pushFeed(cases.feed, event, compoundName(state, compoundId));
  return 'applied';
}

/** Applies an event of a case source; `step` null opens a case. */
export function applyCaseEvent(state: RelayState, event: ShiquanEvent, source: CaseSource): CaseOutcome {
  const { step, ref } = event;
  if (step === null || ref === null) return openFrom(state, event, source);
  const { book, figures, feed } = state.cases;
  const judged = judgeStep(book, ref, event.kind, step.stage);
  if ('reason' in judged) return judged;
  const wasOverdue = judged.overdue;
  stepCase(book, judged, step.stage);
  const closed = step.stage === 'closed';
  const overdue = wasOverdue && !judged.overdue ? -1 : 0;
  if (closed || overdue !== 0) adjustOpen(figures, judged, closed ? -1 : 0, overdue);
  countCase(figures, judged, stepCounters(step));
  // The case's place, not the step's: a step is the case moving on, wherever it was reported.
  pushFeed(feed, { ...event, compoundId: judged.compoundId }, compoundName(state, judged.compoundId));
  return 'applied';
}

/** Cases whose deadline has passed by the state's clock turn overdue. */
export function markOverdueCases(state: RelayState): void {
  const { book, figures } = state.cases;
  for (const record of takeOverdue(book, state.now)) adjustOpen(figures, record, 0, 1);
}
