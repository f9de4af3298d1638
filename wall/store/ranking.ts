// The places the operators should look at first: those with the most incidents open now,
// critical ones breaking ties, then today's alerts. Places with nothing open are left out.
import type { AlertLevel, RollupView } from '../../relay/protocol/snapshot.ts';

export interface RankedPlace {
  id: string;
  name: string;
  open: number;
  critical: number;
  level: AlertLevel;
}

// Ids are ASCII: compared as code units, without the locale's collation (dear at every tie).
const byId = (a: RollupView, b: RollupView) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function topByOpen(rollups: readonly RollupView[], names: ReadonlyMap<string, string>, count: number): RankedPlace[] {
  return rollups
    .filter((place) => place.open > 0)
    .sort((a, b) => b.open - a.open || b.critical - a.critical || b.alerts - a.alerts || byId(a, b))
    .slice(0, count)
    .map(({ id, open, critical, level }) => ({ id, name: names.get(id) ?? id, open, critical, level }));
}
