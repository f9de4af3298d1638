// Which geometry types each file may hold. Typed against GeoPack so the two cannot drift.
import type { GeoPack, PackFileKey } from '../schema.ts';

type GeometryTypeOf<K extends PackFileKey> = GeoPack[K]['features'][number]['geometry']['type'];

export const GEOMETRY_TYPES: { [K in PackFileKey]: readonly GeometryTypeOf<K>[] } = {
  boundary: ['Polygon'],
  areas: ['Polygon', 'MultiPolygon'],
  committees: ['Polygon', 'MultiPolygon'],
  compounds: ['Polygon'],
  buildings: ['Polygon'],
  landmarks: ['Point'],
  roads: ['LineString'],
  railway: ['LineString'],
  green: ['Polygon'],
};

/** Files whose features carry an `id` property. */
export const FILES_WITH_IDS: readonly PackFileKey[] = [
  'boundary',
  'areas',
  'committees',
  'compounds',
  'buildings',
  'landmarks',
];

/** Files whose geometries are (multi)polygons. */
export const POLYGON_FILES = [
  'boundary',
  'areas',
  'committees',
  'compounds',
  'buildings',
  'green',
] as const satisfies readonly PackFileKey[];
