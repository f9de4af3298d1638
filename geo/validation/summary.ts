// The one-line summary the validator prints for a valid pack.
import { area } from '@turf/turf';
import type { GeoPack } from '../schema.ts';

export function describePack(pack: GeoPack): string {
  const km2 = area(pack.boundary) / 1e6;
  const counts = [
    `${pack.compounds.features.length} compounds`,
    `${pack.committees.features.length} committees`,
    `${pack.areas.features.length} areas`,
    `${pack.buildings.features.length} buildings`,
  ];
  return `${counts.join(', ')}; boundary ${km2.toFixed(2)} km²`;
}
