// Typed lookups over a loaded pack: the relay, simulator and wall ask "which committee is this
// compound in" or "where do I put its label" without walking the GeoJSON themselves.
// Pure and browser-safe.
import { bbox as turfBbox, booleanPointInPolygon, centerOfMass } from '@turf/turf';
import type { BBox, FeatureCollection, Polygon } from 'geojson';
import type { Area, Committee, Compound, GeoPack } from './schema.ts';

export type LngLat = [number, number];

export interface PackIndex {
  compounds: ReadonlyMap<string, Compound>;
  committees: ReadonlyMap<string, Committee>;
  areas: ReadonlyMap<string, Area>;
  compoundsOfCommittee: ReadonlyMap<string, readonly Compound[]>;
  compoundsOfArea: ReadonlyMap<string, readonly Compound[]>;
  committeeOfCompound: ReadonlyMap<string, Committee>;
  /** Area-weighted centre of each compound (may fall outside a concave polygon). */
  centroids: ReadonlyMap<string, LngLat>;
  /** A point inside each compound, for labels and markers. */
  labelPoints: ReadonlyMap<string, LngLat>;
  /** [west, south, east, north] over every feature of every file. */
  bbox: BBox;
}

function byId<F extends { properties: { id: string } }>(features: readonly F[]): Map<string, F> {
  return new Map(features.map((f) => [f.properties.id, f]));
}

function groupBy<F>(features: readonly F[], key: (f: F) => string): Map<string, F[]> {
  const groups = new Map<string, F[]>();
  for (const f of features) {
    const k = key(f);
    const group = groups.get(k);
    if (group) group.push(f);
    else groups.set(k, [f]);
  }
  return groups;
}

/**
 * The centre when it lies inside; otherwise the middle of the widest span of the polygon along
 * the centre's latitude, which is inside by construction (L- and U-shaped compounds).
 */
function labelPointOf(polygon: Polygon, centre: LngLat): LngLat {
  if (booleanPointInPolygon(centre, polygon)) return centre;
  const lat = centre[1];
  const crossings: number[] = [];
  for (const ring of polygon.coordinates as LngLat[][]) {
    ring.forEach(([x1, y1], i) => {
      const [x0, y0] = ring[i - 1] ?? [x1, y1];
      if (y0 <= lat !== y1 <= lat) crossings.push(x0 + ((lat - y0) / (y1 - y0)) * (x1 - x0));
    });
  }
  crossings.sort((a, b) => a - b);
  let best: LngLat = centre;
  let widest = 0;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const west = crossings[i] ?? 0;
    const east = crossings[i + 1] ?? 0;
    if (east - west > widest) [widest, best] = [east - west, [(west + east) / 2, lat]];
  }
  return best;
}

function mergeBboxes(boxes: readonly BBox[]): BBox {
  const merged: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    merged[0] = Math.min(merged[0], b[0]);
    merged[1] = Math.min(merged[1], b[1]);
    merged[2] = Math.max(merged[2], b[2]);
    merged[3] = Math.max(merged[3], b[3]);
  }
  return merged;
}

export function buildPackIndex(pack: GeoPack): PackIndex {
  const compoundList = pack.compounds.features;
  const committees = byId(pack.committees.features);
  const committeeOfCompound = new Map<string, Committee>();
  for (const c of compoundList) {
    const committee = committees.get(c.properties.committeeId);
    if (committee) committeeOfCompound.set(c.properties.id, committee);
  }
  const centroids = new Map<string, LngLat>();
  const labelPoints = new Map<string, LngLat>();
  for (const c of compoundList) {
    const centre = centerOfMass(c).geometry.coordinates as LngLat;
    centroids.set(c.properties.id, centre);
    labelPoints.set(c.properties.id, labelPointOf(c.geometry, centre));
  }
  const collections: FeatureCollection[] = Object.values(pack);
  return {
    compounds: byId(compoundList),
    committees,
    areas: byId(pack.areas.features),
    compoundsOfCommittee: groupBy(compoundList, (c) => c.properties.committeeId),
    compoundsOfArea: groupBy(compoundList, (c) => c.properties.areaId),
    committeeOfCompound,
    centroids,
    labelPoints,
    bbox: mergeBboxes(collections.filter((fc) => fc.features.length > 0).map((fc) => turfBbox(fc))),
  };
}
