// Brings a snapshot forward by one delta: what every RelayClient does each tick. Pure: the input
// snapshot is not changed; parts the delta does not touch keep their identity, so the wall's
// layers can tell what changed by reference. Browser-safe (no Node imports).
import { withPatch } from './patch.ts';
import { caseRates, type CaseCounts } from '../contract/cases.ts';
import type { CaseSource } from '../contract/kinds.ts';
import { CASE_COHORTS } from './snapshot.ts';
import type { CaseCountsPatch, CasePlacePatch, CasePlaceView, CaseSourceView, CasesDelta, CasesView, DayDelta, DayView, Delta, FeedItem, HeatChange, PlaceCasesView, Snapshot } from './snapshot.ts';

function withPairs(values: readonly number[], pairs: readonly number[]): number[] {
  // slice: a plain copy of the elements, without the spread's iteration protocol.
  const next = values.slice();
  for (let i = 0; i + 1 < pairs.length; i += 2) next[pairs[i] ?? 0] = pairs[i + 1] ?? 0;
  return next;
}

function withPairsBySource<S extends string>(
  current: Record<S, number[]>,
  changes: Partial<Record<S, number[]>>,
): Record<S, number[]> {
  const next = { ...current };
  for (const source of Object.keys(changes) as S[]) {
    const pairs = changes[source];
    if (pairs) next[source] = withPairs(current[source], pairs);
  }
  return next;
}

function withHeat(grids: Snapshot['heat']['grids'], changes: NonNullable<Delta['heat']>) {
  const next = { ...grids };
  for (const [source, change] of Object.entries(changes) as [keyof typeof grids, HeatChange][]) {
    next[source] = 'levels' in change ? change.levels : withPairs(grids[source], change.cells);
  }
  return next;
}

function mergeDay(view: DayView, delta: DayDelta): DayView {
  return {
    day: delta.day ?? view.day,
    totals: delta.totals ? { ...view.totals, ...delta.totals } : view.totals,
    byKind: delta.byKind ? { ...view.byKind, ...delta.byKind } : view.byKind,
    alerts: delta.alerts ? { ...view.alerts, ...delta.alerts } : view.alerts,
    hourly: delta.hourly ? withPairsBySource(view.hourly, delta.hourly) : view.hourly,
    closure: delta.closure ?? view.closure,
    rejected: delta.rejected ? { ...view.rejected, ...delta.rejected } : view.rejected,
    skipped: delta.skipped ? { ...view.skipped, ...delta.skipped } : view.skipped,
  };
}

function replaceById<T extends { id: string }>(list: readonly T[], changed: readonly T[]): T[] {
  const byId = new Map(changed.map((entry) => [entry.id, entry]));
  return list.map((entry) => byId.get(entry.id) ?? entry);
}

/** One source's figures with a patch of its counts; the rates of the cohorts it reaches follow from their counts. */
function withCounts<S extends CaseSource, T extends PlaceCasesView<S> | CaseSourceView<S>>(source: S, figures: T, patch: CaseCountsPatch<T>): T {
  const next = withPatch<Record<string, unknown>>(figures as unknown as Record<string, unknown>, patch);
  for (const cohort of CASE_COHORTS) {
    const counts = next[cohort] as CaseCounts<S> | undefined;
    if (counts && cohort in patch) next[cohort] = { ...counts, rates: caseRates(source, counts) };
  }
  return next as T;
}

function patchById(list: readonly CasePlaceView[], patches: readonly CasePlacePatch[]): CasePlaceView[] {
  const byId = new Map(patches.map((patch) => [patch.id, patch]));
  return list.map((place) => {
    const patch = byId.get(place.id);
    if (!patch) return place;
    const { grid, hotline } = patch;
    return {
      id: place.id,
      grid: grid ? withCounts('grid', place.grid, grid) : place.grid,
      hotline: hotline ? withCounts('hotline', place.hotline, hotline) : place.hotline,
    };
  });
}

function mergeFeed(feed: readonly FeedItem[], items: readonly FeedItem[], size: number): FeedItem[] {
  // A snapshot taken between ticks may already hold some of the items.
  const newest = feed[0]?.no ?? 0;
  return [...items.filter((item) => item.no > newest), ...feed].slice(0, size);
}

function mergeCases(cases: CasesView, delta: CasesDelta): CasesView {
  const { grid, hotline, compounds, committees, areas, feed, ...whole } = delta;
  return {
    ...cases,
    ...whole,
    grid: grid ? withCounts('grid', cases.grid, grid) : cases.grid,
    hotline: hotline ? withCounts('hotline', cases.hotline, hotline) : cases.hotline,
    compounds: compounds ? patchById(cases.compounds, compounds) : cases.compounds,
    committees: committees ? patchById(cases.committees, committees) : cases.committees,
    areas: areas ? patchById(cases.areas, areas) : cases.areas,
    feed: feed ? mergeFeed(cases.feed, feed, cases.feedSize) : cases.feed,
  };
}

/**
 * The snapshot after the delta; the snapshot itself when the delta is one it already includes;
 * null when deltas are missing in between (the client then asks for a new snapshot).
 */
export function applyDelta(snapshot: Snapshot, delta: Delta): Snapshot | null {
  if (delta.seq <= snapshot.seq) return snapshot;
  if (delta.prevSeq !== snapshot.seq) return null;
  const next: Snapshot = { ...snapshot, seq: delta.seq, at: delta.at };
  if (delta.today) Object.assign(next, mergeDay(snapshot, delta.today));
  if (delta.yesterday) next.yesterday = mergeDay(snapshot.yesterday, delta.yesterday);
  if (delta.open) next.open = delta.open;
  if (delta.compounds) next.compounds = replaceById(snapshot.compounds, delta.compounds);
  if (delta.committees) next.committees = replaceById(snapshot.committees, delta.committees);
  if (delta.areas) next.areas = replaceById(snapshot.areas, delta.areas);
  if (delta.feed) next.feed = mergeFeed(snapshot.feed, delta.feed, snapshot.feedSize);
  if (delta.alarms) next.alarms = mergeFeed(snapshot.alarms, delta.alarms, snapshot.alarmFeedSize);
  if (delta.heat) next.heat = { ...snapshot.heat, grids: withHeat(snapshot.heat.grids, delta.heat) };
  if (delta.freshness) next.freshness = { ...snapshot.freshness, ...delta.freshness };
  if (delta.cases) next.cases = mergeCases(snapshot.cases, delta.cases);
  return next;
}
