// Conversions between the local frame and GeoJSON, and the polygon helpers the stages share.
import { featureCollection, intersect, polygon as turfPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LocalFrame, XY } from './localFrame.ts';
import { rectRing, ringArea, type Rect, type Ring } from './planar.ts';

function ringsToPolygon(rings: readonly Ring[], frame: LocalFrame): Polygon {
  return { type: 'Polygon', coordinates: rings.map((ring) => ring.map((p) => frame.toLonLat(p))) };
}

export const rectPolygon = (rect: Rect, frame: LocalFrame): Polygon => ringsToPolygon([rectRing(rect)], frame);

export const polygonRings = (polygon: Polygon, frame: LocalFrame): XY[][] =>
  polygon.coordinates.map((ring) => ring.map((p) => frame.toXY(p)));

/** Area in m² of a polygon (outer ring less holes), measured in the local frame. */
export function polygonArea(polygon: Polygon, frame: LocalFrame): number {
  const [outer, ...holes] = polygonRings(polygon, frame);
  return Math.abs(ringArea(outer ?? [])) - holes.reduce((sum, h) => sum + Math.abs(ringArea(h)), 0);
}

/** The polygons of a Polygon or MultiPolygon geometry, each as a Polygon. */
function polygonsOf(geometry: Polygon | MultiPolygon): Polygon[] {
  return geometry.type === 'Polygon'
    ? [geometry]
    : geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
}

const asFeature = (g: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> =>
  g.type === 'Polygon' ? turfPolygon(g.coordinates) : { type: 'Feature', properties: {}, geometry: g };

/** The pieces where two (multi)polygons overlap; empty when they do not. */
export function overlapPieces(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): Polygon[] {
  const shared = intersect(featureCollection([asFeature(a), asFeature(b)]));
  return shared ? polygonsOf(shared.geometry) : [];
}

