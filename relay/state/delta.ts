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
// Its size is bounded by the entities (kinds, compounds, hours, heat cells, feed sizes), never by
// the number of events in the tick.
import { ALARM_SOURCES, SOURCES, type Source } from '../contract/kinds.ts';
import { advanceClock } from './rollover.ts';
import { rollupViews } from './rollups.ts';
import { buildSnapshot } from './snapshot.ts';
import type { RelayState } from './state.ts';
import type { CasePlaceView, CasesDelta, CasesView, DayDelta, DayView, Delta, FeedItem, Freshness, Snapshot } from '../protocol/snapshot.ts';

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

/** Places whose case view was built again since the last tick (every place when `all`). */
function changedPlaces(before: readonly CasePlaceView[], after: readonly CasePlaceView[], all: boolean): CasePlaceView[] {
  return after.filter((place, i) => all || (before[i] !== place && !same(before[i], place)));
}

/**
 * The case figures that changed. Their views are rebuilt only when their figures change (see
 * caseView.ts), so an unchanged part is the very object the last tick sent.
 */
function casesDelta(before: CasesView, after: CasesView, all: boolean): CasesDelta | undefined {
  const delta: CasesDelta = {};
  if (all || before.year !== after.year) delta.year = after.year;
  if (all || before.since !== after.since) delta.since = after.since;
  if (all || (before.grid !== after.grid && !same(before.grid, after.grid))) delta.grid = after.grid;
  if (all || (before.hotline !== after.hotline && !same(before.hotline, after.hotline))) delta.hotline = after.hotline;
  for (const key of ['compounds', 'committees', 'areas'] as const) {
    const changed = changedPlaces(before[key], after[key], all);
    if (changed.length > 0) delta[key] = changed;
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
