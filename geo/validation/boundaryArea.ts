// The boundary's area must be close to the official figure: a schematic outline is fine, a
// boundary in the wrong place or at the wrong scale is not.
import { area } from '@turf/turf';
import { OFFICIAL_AREA_KM2, PACK_FILES, type GeoPack } from '../schema.ts';
import { labelOf, type Problem } from './problem.ts';

const AREA_TOLERANCE = 0.05;

export function checkBoundaryArea(pack: GeoPack, invalid: ReadonlySet<object>): Problem[] {
  return pack.boundary.features.flatMap((feature, index) => {
    if (invalid.has(feature)) return [];
    const km2 = area(feature) / 1e6;
    if (Math.abs(km2 - OFFICIAL_AREA_KM2) <= OFFICIAL_AREA_KM2 * AREA_TOLERANCE) return [];
    const official = `${AREA_TOLERANCE * 100} % of the official ${OFFICIAL_AREA_KM2} km²`;
    const message = `has area ${km2.toFixed(2)} km², not within ${official}`;
    return [{ file: PACK_FILES.boundary, id: labelOf(feature, index), message }];
  });
}
