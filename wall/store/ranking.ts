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

export function topByOpen(rollups: readonly RollupView[], names: ReadonlyMap<string, string>, count: number): RankedPlace[] {
  return rollups
    .filter((place) => place.open > 0)
    .sort((a, b) => b.open - a.open || b.critical - a.critical || b.alerts - a.alerts || a.id.localeCompare(b.id))
    .slice(0, count)
    .map(({ id, open, critical, level }) => ({ id, name: names.get(id) ?? id, open, critical, level }));
}
