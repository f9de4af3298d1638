// The delta a broadcast tick sends: what changed since the previous tick, as absolute values.
//
// Why it stays exact for a wall that took its snapshot between two ticks: every value in the
// delta is either
// - monotone within a day (counts, hourly buckets, freshness, closure counts, rejects, skips) and sent
//   when it differs from the last tick's value — a snapshot can only have seen a value between
//   the two, so if it saw a different one, the new value differs too; a day change resends all;
// - changed by events in both directions (open counts, compounds, heat cells hit by an event):
//   sent whenever touched since the last tick, whatever its value;
// - changed by time alone (heat decay, incident ages), which moves one way between events.
// The case figures of a place or a source go as patches (protocol/patch.ts) of the counts that
// changed, with the figures that move both ways each time (casePatch).
// Its size is bounded by the entities (kinds, compounds, hours, heat cells, feed sizes), never by
// the number of events in the tick.
import { ALARM_SOURCES, SOURCES, type Source } from '../contract/kinds.ts';
import { advanceClock } from './rollover.ts';
import { rollupViews } from './rollups.ts';
import { buildSnapshot } from './snapshot.ts';
import type { RelayState } from './state.ts';
import { patchOf } from '../protocol/patch.ts';
import { CASE_COHORTS } from '../protocol/snapshot.ts';
import type { CaseCountsPatch, CasePlacePatch, CasePlaceView, CasesDelta, CohortView, CasesView, DayDelta, DayView, Delta, FeedItem, Freshness, PlaceCasesView, Snapshot } from '../protocol/snapshot.ts';

/** Both sides are built by the same code, so equal values serialise identically. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function changedEntries<K extends string>(
  before: Record<K, number>,
  after: Record<K, number>,
  all: boolean,
): Partial<Record<K, number>> | undefined {
  const changed: Partial<Record<K, number>> = {};
  let any = false;
  for (const key of Object.keys(after) as K[]) {
    if (all || before[key] !== after[key]) {
      changed[key] = after[key];
      any = true;
    }
  }
  return any ? changed : undefined;
}

/** Flat [index, value, …] pairs of the entries that differ or are flagged (all when `all`). */
function changedPairs(
  before: readonly number[],
  after: readonly number[],
  all: boolean,
  flagged?: Uint8Array,
): number[] {
  const pairs: number[] = [];
  after.forEach((value, i) => {
    if (all || before[i] !== value || flagged?.[i] === 1) pairs.push(i, value);
  });
  return pairs;
}

function dayDelta(before: DayView, after: DayView, all: boolean): DayDelta | undefined {
  const delta: DayDelta = {};
  if (all || before.day !== after.day) delta.day = after.day;
  const totals = changedEntries(before.totals, after.totals, all);
  if (totals) delta.totals = totals;
  const byKind = changedEntries(before.byKind, after.byKind, all);
  if (byKind) delta.byKind = byKind;
  const alerts = changedEntries(before.alerts, after.alerts, all);
  if (alerts) delta.alerts = alerts;
  const rejected = changedEntries(before.rejected, after.rejected, all);
  if (rejected) delta.rejected = rejected;
  const skipped = changedEntries(before.skipped, after.skipped, all);
  if (skipped) delta.skipped = skipped;
  for (const source of SOURCES) {
    const pairs = changedPairs(before.hourly[source], after.hourly[source], all);
    if (pairs.length > 0) (delta.hourly ??= {})[source] = pairs;
  }
  if (all || !same(before.closure, after.closure)) delta.closure = after.closure;
  return Object.keys(delta).length > 0 ? delta : undefined;
}

/** Roll-ups of the touched compounds and of their committees and 片区 (everything when `all`). */
function rollupDelta(
  state: RelayState,
  all: boolean,
): Pick<Delta, 'compounds' | 'committees' | 'areas'> {
  const { rollups, places } = state;
  const compoundIds = all ? places.compoundIds : [...rollups.touched].sort();
  if (compoundIds.length === 0) return {};
  const committeeIds = new Set<string>();
  const areaIds = new Set<string>();
  for (const id of compoundIds) {
    const place = places.compounds.get(id);
    if (place) {
      committeeIds.add(place.committeeId);
      areaIds.add(place.areaId);
    }
  }
  return {
    compounds: rollupViews(rollups.compounds, compoundIds),
    committees: rollupViews(rollups.committees, [...committeeIds].sort()),
    areas: rollupViews(rollups.areas, [...areaIds].sort()),
  };
}

/** Heat cells hit by an event since the last tick or whose level moved; clears the hit marks. */
function heatDelta(state: RelayState, before: Snapshot, after: Snapshot): Delta['heat'] {
  let heat: Delta['heat'];
  for (const source of ALARM_SOURCES) {
    const levels = after.heat.grids[source];
    const touched = state.heat[source].touched;
    const cells = changedPairs(before.heat.grids[source], levels, false, touched);
    touched.fill(0);
    if (cells.length === 0) continue;
    (heat ??= {})[source] = cells.length < levels.length ? { cells } : { levels };
  }
  return heat;
}

function freshnessDelta(before: Snapshot, after: Snapshot): Delta['freshness'] {
  let freshness: Partial<Record<Source, Freshness>> | undefined;
  for (const source of SOURCES) {
    if (!same(before.freshness[source], after.freshness[source])) {
      (freshness ??= {})[source] = after.freshness[source];
    }
  }
  return freshness;
}

/** Feed items numbered above the newest one the last tick sent. */
function newItems(before: readonly FeedItem[], after: readonly FeedItem[]): FeedItem[] {
  const newest = before[0]?.no ?? 0;
  return after.filter((item) => item.no > newest);
}

/** A place's or a source's cases: cohorts of counts with their rates, and the cases open and overdue. */
type CaseFigures = Pick<PlaceCasesView, 'open' | 'overdue'>;
type Cohorts = Partial<Record<(typeof CASE_COHORTS)[number], CohortView>>;

/**
 * What changed of one source's case figures (a place's or the whole source's) since `before` —
 * every count when there is none — as a patch of the counts; once anything did, with the open and
 * overdue cases whatever their value. Counts only grow within their cohort and rates follow from
 * them, but open and overdue cases go down as well as up: a snapshot taken between two ticks may
 * hold another value of them. Every event that moves them moves a count too.
 */
function casePatch<T extends CaseFigures>(before: T | undefined, after: T): CaseCountsPatch<T> | undefined {
  const patch = before === undefined ? (after as CaseFigures & Cohorts) : patchOf<CaseFigures & Cohorts>(before, after);
  if (!patch) return undefined;
  const counts: Record<string, unknown> = { ...patch, open: after.open, overdue: after.overdue };
  for (const cohort of CASE_COHORTS) {
    const changed = patch[cohort];
    if (!changed) continue;
    const { rates: _rates, ...moved } = changed;
    counts[cohort] = moved;
  }
  return counts as CaseCountsPatch<T>;
}

/**
 * The figures of the places whose case view was built again since the last tick, each as patches
 * of what changed (every count when `all`). The lists keep the places' order, so the place at an
 * index is the same one before and after.
 */
function placePatches(before: readonly CasePlaceView[], after: readonly CasePlaceView[], all: boolean): CasePlacePatch[] {
  const patches: CasePlacePatch[] = [];
  after.forEach((place, i) => {
    const was = all ? undefined : before[i];
    if (was === place) return;
    const grid = casePatch(was?.grid, place.grid);
    const hotline = casePatch(was?.hotline, place.hotline);
    if (grid || hotline) patches.push({ id: place.id, ...(grid && { grid }), ...(hotline && { hotline }) });
  });
  return patches;
}

/**
 * The case figures that changed, as patches. Their views are rebuilt only when their figures
 * change (see caseView.ts), so an unchanged part is the very object the last tick sent.
 */
function casesDelta(before: CasesView, after: CasesView, all: boolean): CasesDelta | undefined {
  const delta: CasesDelta = {};
  if (all || before.year !== after.year) delta.year = after.year;
  if (all || before.since !== after.since) delta.since = after.since;
  const grid = casePatch(all ? undefined : before.grid, after.grid);
  if (grid) delta.grid = grid;
  const hotline = casePatch(all ? undefined : before.hotline, after.hotline);
  if (hotline) delta.hotline = hotline;
  for (const key of ['compounds', 'committees', 'areas'] as const) {
    const patches = placePatches(before[key], after[key], all);
    if (patches.length > 0) delta[key] = patches;
  }
  const feed = newItems(before.feed, after.feed);
  if (feed.length > 0) delta.feed = feed;
  if (all || before.evicted !== after.evicted) delta.evicted = after.evicted;
  return Object.keys(delta).length > 0 ? delta : undefined;
}

/**
 * The changes since the previous delta, taken at `now`; numbers it seq + 1 and remembers what
 * it sent. Call it once per broadcast tick and send the result to every wall, even when empty.
 */
export function takeDelta(state: RelayState, now: number): Delta {
  advanceClock(state, now);
  const before = state.sent;
  const after = buildSnapshot(state);
  const all = state.dayChanged;
  const parts: Omit<Delta, 'seq' | 'prevSeq' | 'at'> = {
    today: dayDelta(before, after, all),
    yesterday: dayDelta(before.yesterday, after.yesterday, all),
    open: all || state.incidents.touched || !same(before.open, after.open) ? after.open : undefined,
    ...rollupDelta(state, all),
    feed: newItems(before.feed, after.feed),
    alarms: newItems(before.alarms, after.alarms),
    heat: heatDelta(state, before, after),
    freshness: freshnessDelta(before, after),
    cases: casesDelta(before.cases, after.cases, all),
  };
  const delta: Delta = { seq: state.seq + 1, prevSeq: state.seq, at: after.at };
  for (const [key, value] of Object.entries(parts)) {
    const empty = value === undefined || (Array.isArray(value) && value.length === 0);
    if (!empty) Object.assign(delta, { [key]: value });
  }
  state.rollups.touched.clear();
  state.incidents.touched = false;
  state.dayChanged = false;
  state.seq = delta.seq;
  state.sent = { ...after, seq: delta.seq };
  return delta;
}
