// Area measures shared by the spatial checks. Tolerances absorb floating-point slivers left
// where two polygons share an edge; anything larger is a real defect.
import { area, booleanWithin, difference, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type PolygonFeature = Feature<Polygon | MultiPolygon>;

export const AREA_TOLERANCE_M2 = 1;

export const squareMetres = (m2: number) => `${Math.round(m2)} m²`;

/** Area of `inner` lying outside `outer`, in m² (0 when within). */
export function areaOutside(inner: PolygonFeature, outer: PolygonFeature): number {
  if (booleanWithin(inner, outer)) return 0;
  const rest = difference(featureCollection([inner, outer]));
  return rest ? area(rest) : 0;
}

/** Area shared by two polygons, in m². */
export function areaShared(a: PolygonFeature, b: PolygonFeature): number {
  const shared = intersect(featureCollection([a, b]));
  return shared ? area(shared) : 0;
}
