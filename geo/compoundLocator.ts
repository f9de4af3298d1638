// Point → compound attribution for events that carry only coordinates. A bbox index narrows
// 80 compounds to the one or two whose box holds the point, then an exact point-in-polygon test
// decides. Points on a street between compounds can be snapped to the nearest one within a
// few tens of metres. Pure and browser-safe.
import { bbox, booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import Flatbush from 'flatbush';
import type { Feature, Polygon } from 'geojson';
import type { CompoundProps } from './schema.ts';

/** Wide enough for a street between two compounds, narrow enough not to claim open ground. */
export const DEFAULT_SNAP_METRES = 80;

const METRES_PER_DEGREE_LAT = 111_195;

export interface LocatorOptions {
  /** Snap a point outside every compound to the nearest one within this distance; 0 turns it off. */
  snapMetres?: number;
}

export interface CompoundLocator {
  /** Id of the compound at (lng, lat) in WGS84, or null when none is in reach. */
  locate(lng: number, lat: number): string | null;
}

type CompoundFeature = Feature<Polygon, Pick<CompoundProps, 'id'>>;

export function createCompoundLocator(
  compounds: readonly CompoundFeature[],
  { snapMetres = DEFAULT_SNAP_METRES }: LocatorOptions = {},
): CompoundLocator {
  if (compounds.length === 0) return { locate: () => null };
  const index = new Flatbush(compounds.length);
  for (const compound of compounds) {
    const [west, south, east, north] = bbox(compound);
    index.add(west, south, east, north);
  }
  index.finish();

  function containing(lng: number, lat: number): string | null {
    for (const i of index.search(lng, lat, lng, lat)) {
      const compound = compounds[i];
      if (compound && booleanPointInPolygon([lng, lat], compound)) return compound.properties.id;
    }
    return null;
  }

  function nearest(lng: number, lat: number): string | null {
    // Degrees of longitude shrink with latitude; the search box must cover snapMetres both ways.
    const dLat = snapMetres / METRES_PER_DEGREE_LAT;
    const dLng = dLat / Math.cos((lat * Math.PI) / 180);
    let best: string | null = null;
    let bestMetres = snapMetres;
    for (const i of index.search(lng - dLng, lat - dLat, lng + dLng, lat + dLat)) {
      const compound = compounds[i];
      if (!compound) continue;
      const metres = pointToPolygonDistance([lng, lat], compound, { units: 'meters', method: 'planar' });
      if (metres <= bestMetres) [best, bestMetres] = [compound.properties.id, metres];
    }
    return best;
  }

  return {
    locate(lng, lat) {
      if (!Number.isFinite(lng) || !Number.isFinite(lat)) return null;
      return containing(lng, lat) ?? (snapMetres > 0 ? nearest(lng, lat) : null);
    },
  };
}
