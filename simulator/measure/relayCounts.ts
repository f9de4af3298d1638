// The relay's event counts as a wall or GET /api/state shows them — today's and yesterday's,
// by source and kind — and what was counted since a baseline. Counting across the relay's
// midnight stays exact: events of the baseline's day that arrive after midnight are in
// "yesterday", the rest in the new "today". Pure.
import { KINDS, SOURCES, type Kind, type Source } from '../../relay/contract/index.ts';
import type { DayView } from '../../relay/protocol/snapshot.ts';

export interface DayCounts {
  /** Local date, 'YYYY-MM-DD'. */
  day: string;
  totals: Record<Source, number>;
  byKind: Record<Kind, number>;
}

export interface RelayCounts {
  today: DayCounts;
  yesterday: DayCounts;
}

/** Events counted (closed follow-ups are not events in the relay's counts). */
export interface Counted {
  totals: Record<Source, number>;
  byKind: Record<Kind, number>;
}

type DayFields = Pick<DayView, 'day' | 'totals' | 'byKind'>;

/** The parts of a Snapshot the counts come from. */
export type CountsView = DayFields & { yesterday: DayFields };

const dayCounts = (view: DayFields): DayCounts => ({
  day: view.day,
  totals: { ...view.totals },
  byKind: { ...view.byKind },
});

export function countsOfSnapshot(snapshot: CountsView): RelayCounts {
  return { today: dayCounts(snapshot), yesterday: dayCounts(snapshot.yesterday) };
}

function difference(after: DayCounts, before: DayCounts, plus?: DayCounts): Counted {
  const totals = {} as Record<Source, number>;
  for (const source of SOURCES) totals[source] = after.totals[source] - before.totals[source] + (plus?.totals[source] ?? 0);
  const byKind = {} as Record<Kind, number>;
  for (const kind of KINDS) byKind[kind] = after.byKind[kind] - before.byKind[kind] + (plus?.byKind[kind] ?? 0);
  return { totals, byKind };
}

/**
 * What the relay counted since `base`; null when more than one midnight has passed (the
 * baseline's day is no longer in view).
 */
export function countsSince(base: RelayCounts, now: RelayCounts): Counted | null {
  const day = base.today.day;
  if (now.today.day === day) return difference(now.today, base.today);
  if (now.yesterday.day === day) return difference(now.yesterday, base.today, now.today);
  return null;
}
