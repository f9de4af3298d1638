// Roll-ups per compound, committee and 片区: today's events and alerts, and incidents open now.
// Each compound has a chain (its own counts, its committee's, its 片区's) so an event updates all
// three with one lookup. Compounds changed since the last delta are remembered by id.
import type { Severity } from '../contract/kinds.ts';
import { alertLevel } from './alertLevel.ts';
import type { Places } from './places.ts';
import type { RollupView } from '../protocol/snapshot.ts';

export interface Rollup {
  id: string;
  today: number;
  alerts: number;
  open: number;
  warning: number;
  critical: number;
}

export interface Rollups {
  compounds: Map<string, Rollup>;
  committees: Map<string, Rollup>;
  areas: Map<string, Rollup>;
  chains: Map<string, readonly Rollup[]>;
  /** Compounds whose counts changed since the last delta. */
  touched: Set<string>;
}

function emptyRollup(id: string): Rollup {
  return { id, today: 0, alerts: 0, open: 0, warning: 0, critical: 0 };
}

function rollupsOf(ids: readonly string[]): Map<string, Rollup> {
  return new Map(ids.map((id) => [id, emptyRollup(id)]));
}

function entry(map: Map<string, Rollup>, id: string): Rollup {
  const rollup = map.get(id);
  if (!rollup) throw new Error(`state: no roll-up for ${id}; buildPlaces checks the pack for this`);
  return rollup;
}

export function createRollups(places: Places): Rollups {
  const compounds = rollupsOf(places.compoundIds);
  const committees = rollupsOf(places.committeeIds);
  const areas = rollupsOf(places.areaIds);
  const chains = new Map<string, readonly Rollup[]>();
  for (const place of places.compounds.values()) {
    chains.set(place.id, [
      entry(compounds, place.id),
      entry(committees, place.committeeId),
      entry(areas, place.areaId),
    ]);
  }
  return { compounds, committees, areas, chains, touched: new Set() };
}

/** Counts an event of today against its compound, committee and 片区. */
export function countToday(rollups: Rollups, compoundId: string, isAlert: boolean): void {
  const chain = rollups.chains.get(compoundId);
  if (!chain) return;
  for (const rollup of chain) {
    rollup.today++;
    if (isAlert) rollup.alerts++;
  }
  rollups.touched.add(compoundId);
}

/** Adds (+1) or removes (−1) an open incident of a severity. */
export function adjustOpen(
  rollups: Rollups,
  compoundId: string,
  severity: Severity,
  by: 1 | -1,
): void {
  const chain = rollups.chains.get(compoundId);
  if (!chain) return;
  for (const rollup of chain) {
    rollup.open += by;
    if (severity === 'warning') rollup.warning += by;
    else if (severity === 'critical') rollup.critical += by;
  }
  rollups.touched.add(compoundId);
}

/** At midnight today's counts restart; open incidents stay. */
export function restartToday(rollups: Rollups): void {
  for (const map of [rollups.compounds, rollups.committees, rollups.areas]) {
    for (const rollup of map.values()) {
      rollup.today = 0;
      rollup.alerts = 0;
    }
  }
}

function rollupView(rollup: Rollup): RollupView {
  const { id, today, alerts, open, critical } = rollup;
  return { id, today, alerts, open, critical, level: alertLevel(rollup) };
}

/** Views of the roll-ups with these ids, in the order given. */
export function rollupViews(map: ReadonlyMap<string, Rollup>, ids: Iterable<string>): RollupView[] {
  const views: RollupView[] = [];
  for (const id of ids) {
    const rollup = map.get(id);
    if (rollup) views.push(rollupView(rollup));
  }
  return views;
}
