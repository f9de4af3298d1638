// Every grid and hotline case the relay knows, open or closed, so that a step can be judged: a
// step for a case never opened (or opened before the relay's horizon) is refused, and so is a
// step that does not come after the case's last one. Closed cases stay (a late step for them is
// out of order, not unknown) until the book is full: past `maxCases` the case that arrived first
// is dropped, counted as evicted. A year of the article's volumes is about 15,000 grid and 2,000
// hotline cases. Open cases wait in a heap by deadline, so turning overdue costs nothing until
// a deadline passes.
import { CASE_STAGES, DEADLINE_STAGE, stageIndex, type CaseStage } from '../contract/cases.ts';
import { KIND_INFO, type CaseSource, type Kind } from '../contract/kinds.ts';
import type { RejectReason } from '../contract/reasons.ts';
import { MinHeap } from '../../lib/minHeap.ts';

export interface CaseRecord {
  id: string;
  source: CaseSource;
  kind: Kind;
  compoundId: string;
  openedAt: number;
  /** Local date of the opening: the day cohort the case counts to. */
  openedOn: string;
  /** Position of the last step in CASE_STAGES[source]; -1 while the case has only opened. */
  stage: number;
  /** When the case must have reached its deadline stage; Infinity once it has. */
  dueAt: number;
  /** Open, past `dueAt` and not yet at its deadline stage. */
  overdue: boolean;
}

export interface CaseBook {
  cases: Map<string, CaseRecord>;
  /** The cases not closed yet (a subset of `cases`). */
  open: Map<string, CaseRecord>;
  /** Open cases by deadline; an entry whose case has moved on is skipped when it comes up. */
  due: MinHeap<{ at: number; record: CaseRecord }>;
  maxCases: number;
  evicted: number;
}

const dueHeap = () => new MinHeap<{ at: number; record: CaseRecord }>((a, b) => a.at < b.at);

export function createCaseBook(maxCases: number): CaseBook {
  return { cases: new Map(), open: new Map(), due: dueHeap(), maxCases, evicted: 0 };
}

/** Entries of cases that moved on wait for their deadline; past 2 × maxCases the heap is rebuilt from the cases still due. */
function compactDue(book: CaseBook): void {
  if (book.due.size <= 2 * book.maxCases) return;
  book.due = dueHeap();
  for (const record of book.open.values()) {
    if (!record.overdue && Number.isFinite(record.dueAt)) book.due.push({ at: record.dueAt, record });
  }
}

export interface CaseRefusal {
  reason: RejectReason;
  detail: string;
}

const HOUR_MS = 3_600_000;

export interface Opened {
  record: CaseRecord;
  /** The case dropped to stay within the maximum, and whether it was still open. */
  evicted: { record: CaseRecord; wasOpen: boolean } | null;
}

/** Adds a case, dropping the one that arrived first when the book is full. */
export function openCase(book: CaseBook, opening: Omit<CaseRecord, 'stage' | 'dueAt' | 'overdue'>): Opened {
  const dueAt = opening.openedAt + (KIND_INFO[opening.kind].deadlineHours ?? Infinity) * HOUR_MS;
  const record: CaseRecord = { ...opening, stage: -1, dueAt, overdue: false };
  book.cases.set(record.id, record);
  book.open.set(record.id, record);
  if (Number.isFinite(dueAt)) book.due.push({ at: dueAt, record });
  compactDue(book);
  const [earliest] = book.cases.values();
  if (book.cases.size <= book.maxCases || !earliest) return { record, evicted: null };
  book.cases.delete(earliest.id);
  const wasOpen = book.open.delete(earliest.id);
  book.evicted++;
  return { record, evicted: { record: earliest, wasOpen } };
}

const quoted = (id: string) => JSON.stringify(id);

/** The case a step of `kind` at `stage` moves on, or why the step is refused. */
export function judgeStep(book: CaseBook, ref: string, kind: Kind, stage: CaseStage): CaseRecord | CaseRefusal {
  const record = book.cases.get(ref);
  if (!record) return { reason: 'unknown_case', detail: `no case ${quoted(ref)} is known (never opened, or before the relay's horizon)` };
  if (record.kind !== kind) {
    return { reason: 'case_kind_mismatch', detail: `case ${quoted(ref)} is ${record.kind}, the step says ${kind}` };
  }
  if (stageIndex(record.source, stage) <= record.stage) {
    const last = CASE_STAGES[record.source][record.stage];
    return { reason: 'stage_out_of_order', detail: `case ${quoted(ref)} is ${last} already; ${stage} cannot follow` };
  }
  return record;
}

/** Moves a judged case to `stage`: past its deadline stage it is no longer due; closed, no longer open. */
export function stepCase(book: CaseBook, record: CaseRecord, stage: CaseStage): void {
  record.stage = stageIndex(record.source, stage);
  if (record.stage >= stageIndex(record.source, DEADLINE_STAGE[record.source])) {
    record.dueAt = Infinity;
    record.overdue = false;
  }
  if (stage === 'closed') {
    record.overdue = false;
    book.open.delete(record.id);
  }
}

/** The open cases whose deadline passed before `now`, marked overdue. */
export function takeOverdue(book: CaseBook, now: number): CaseRecord[] {
  const turned: CaseRecord[] = [];
  for (let top = book.due.peek(); top && top.at < now; top = book.due.peek()) {
    book.due.pop();
    const { record } = top;
    if (record.overdue || record.dueAt !== top.at || book.open.get(record.id) !== record) continue;
    record.overdue = true;
    turned.push(record);
  }
  return turned;
}
