// Where alarm beacons stand: over every compound with an open critical incident, at the point
// its label uses (inside the compound, also for L- and U-shaped ones).
import type { LngLat } from '../../geo/packIndex.ts';
import type { RollupView } from '../../relay/protocol/snapshot.ts';

export interface BeaconSite {
  compoundId: string;
  position: LngLat;
}

export function beaconSites(compounds: readonly RollupView[], labelPoints: ReadonlyMap<string, LngLat>): BeaconSite[] {
  const sites: BeaconSite[] = [];
  for (const compound of compounds) {
    const position = labelPoints.get(compound.id);
    if (position && (compound.critical > 0 || compound.level === 2)) sites.push({ compoundId: compound.id, position });
  }
  return sites;
}

/** Which compounds gain a beacon and which lose theirs when `shown` becomes `next`. */
export function beaconChanges(shown: Iterable<string>, next: readonly BeaconSite[]): { added: BeaconSite[]; removed: string[] } {
  const current = new Set(shown);
  const wanted = new Set(next.map((site) => site.compoundId));
  return {
    added: next.filter((site) => !current.has(site.compoundId)),
    removed: [...current].filter((id) => !wanted.has(id)),
  };
}
