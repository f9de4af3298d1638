// A position inside a compound, for events that report coordinates instead of a compound id.
import { booleanPointInPolygon } from '@turf/turf';
import type { Random } from '../../lib/random.ts';
import type { SimCompound } from './compounds.ts';

// Compound polygons fill a good part of their box; 64 misses in a row mean a sliver, and the
// event then names its compound instead.
const MAX_TRIES = 64;

/** Six decimals: about 0.1 m, finer than any source reports and short on the wire. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A uniform WGS84 point inside the compound (tested after rounding), or null. */
export function pointInCompound(compound: SimCompound, random: Random): [number, number] | null {
  const [west, south, east, north] = compound.bbox;
  for (let i = 0; i < MAX_TRIES; i++) {
    const point: [number, number] = [
      roundCoordinate(random.between(west, east)),
      roundCoordinate(random.between(south, north)),
    ];
    if (booleanPointInPolygon(point, compound.polygon)) return point;
  }
  return null;
}
