// The sub-district's outline: a surveyed one when given, else the union of surveyed committees,
// else the schematic from geo/sources/. Blocks keep off a strip just inside it, where the
// boundary roads run.
import { buffer, featureCollection, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { BoundaryProps, Committee } from '../schema.ts';
import type { SourceData } from './sources.ts';
import { HALF_WIDTH_M } from './streets.ts';

const FENCE_SETBACK_M = 3;

const PROPS: BoundaryProps = {
  id: '310107017',
  name: '石泉路街道',
  nameEn: 'Shiquan Road Sub-district',
  provenance: 'schematic',
};

export function chooseBoundary(
  sources: SourceData,
  surveyed: { boundary?: Feature<Polygon, BoundaryProps>; committees?: readonly Committee[] },
): Feature<Polygon, BoundaryProps> {
  if (surveyed.boundary) return surveyed.boundary;
  if (surveyed.committees) {
    const merged = union(featureCollection([...surveyed.committees]));
    if (merged?.geometry.type !== 'Polygon') throw new Error('the committees do not form one piece of land; give --boundary too');
    return { type: 'Feature', properties: { ...PROPS, provenance: 'real' }, geometry: merged.geometry };
  }
  return { type: 'Feature', properties: PROPS, geometry: sources.schematicBoundary };
}

/** The land inside the boundary roads and a fence setback. */
export function insideBoundaryRoads(boundary: Feature<Polygon, BoundaryProps>): Polygon | MultiPolygon {
  const inset = buffer(boundary, -(HALF_WIDTH_M.boundary + FENCE_SETBACK_M), { units: 'meters' });
  if (!inset) throw new Error('the boundary is too small to hold any blocks');
  return inset.geometry;
}
