// Brings a snapshot forward by one delta: what the wall's store does each tick. Pure: the input
// view is not changed; parts the delta does not touch keep their identity, so the wall's
// layers can tell what changed by reference. Browser-safe (no Node imports).
import type { DayDelta, DayView, Delta, FeedItem, HeatChange, RollupView, Snapshot } from './view.ts';

function withPairs(values: readonly number[], pairs: readonly number[]): number[] {
  const next = [...values];
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
  };
}

function replaceById(list: readonly RollupView[], changed: readonly RollupView[]): RollupView[] {
  const byId = new Map(changed.map((entry) => [entry.id, entry]));
  return list.map((entry) => byId.get(entry.id) ?? entry);
}

function mergeFeed(feed: readonly FeedItem[], items: readonly FeedItem[], size: number): FeedItem[] {
  // A snapshot taken between ticks may already hold some of the items.
  const newest = feed[0]?.no ?? 0;
  return [...items.filter((item) => item.no > newest), ...feed].slice(0, size);
}

/**
 * The view after the delta; the view itself when the delta is one it already includes; null
 * when deltas are missing in between (the wall then asks for a new snapshot).
 */
export function applyDelta(view: Snapshot, delta: Delta): Snapshot | null {
  if (delta.seq <= view.seq) return view;
  if (delta.prevSeq !== view.seq) return null;
  const next: Snapshot = { ...view, seq: delta.seq, at: delta.at };
  if (delta.today) Object.assign(next, mergeDay(view, delta.today));
  if (delta.yesterday) next.yesterday = mergeDay(view.yesterday, delta.yesterday);
  if (delta.open) next.open = delta.open;
  if (delta.compounds) next.compounds = replaceById(view.compounds, delta.compounds);
  if (delta.committees) next.committees = replaceById(view.committees, delta.committees);
  if (delta.areas) next.areas = replaceById(view.areas, delta.areas);
  if (delta.feed) next.feed = mergeFeed(view.feed, delta.feed, view.feedSize);
  if (delta.alarms) next.alarms = mergeFeed(view.alarms, delta.alarms, view.alarmFeedSize);
  if (delta.heat) next.heat = { ...view.heat, grids: withHeat(view.heat.grids, delta.heat) };
  if (delta.freshness) next.freshness = { ...view.freshness, ...delta.freshness };
  return next;
}
