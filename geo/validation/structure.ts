// The shape every later check relies on: each file a FeatureCollection of Features with a
// properties object and a geometry of the allowed type whose coordinates are well formed.
import { PACK_FILES, type PackFileKey } from '../schema.ts';
import { GEOMETRY_TYPES } from './geometryRules.ts';
import { labelOf, type Problem } from './problem.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function positionDefect(p: unknown): string | null {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) {
    return `${JSON.stringify(p)} is not a [lon, lat] position`;
  }
  const [lon, lat] = p as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return `${JSON.stringify(p)} has a non-finite coordinate`;
  }
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return `${JSON.stringify(p)} is out of lon/lat range`;
  return null;
}

function lineDefect(line: unknown, minPositions: number, what: string): string | null {
  if (!Array.isArray(line) || line.length < minPositions) {
    return `${what} has fewer than ${minPositions} positions`;
  }
  for (const p of line) {
    const defect = positionDefect(p);
    if (defect) return `${what}: ${defect}`;
  }
  return null;
}

function polygonDefect(rings: unknown, what: string): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return `${what} has no rings`;
  for (const [r, ring] of rings.entries()) {
    const defect = lineDefect(ring, 4, `${what} ring ${r}`);
    if (defect) return defect;
    const [first, last] = [ring[0], ring[ring.length - 1]] as number[][];
    if (first?.[0] !== last?.[0] || first?.[1] !== last?.[1]) return `${what} ring ${r} is not closed`;
  }
  return null;
}

function coordinatesDefect(type: string, coordinates: unknown): string | null {
  switch (type) {
    case 'Point':
      return positionDefect(coordinates);
    case 'LineString':
      return lineDefect(coordinates, 2, 'line');
    case 'Polygon':
      return polygonDefect(coordinates, 'polygon');
    case 'MultiPolygon':
      if (!Array.isArray(coordinates) || coordinates.length === 0) return 'multipolygon has no polygons';
      for (const [i, polygon] of coordinates.entries()) {
        const defect = polygonDefect(polygon, `polygon ${i}`);
        if (defect) return defect;
      }
      return null;
    default:
      return `unsupported geometry type ${type}`;
  }
}

function featureDefect(feature: unknown, allowed: readonly string[]): string | null {
  if (!isObject(feature) || feature.type !== 'Feature') return 'is not a GeoJSON Feature';
  if (!isObject(feature.properties)) return 'has no properties object';
  const geometry = feature.geometry;
  if (!isObject(geometry)) return 'has no geometry';
  const type = String(geometry.type);
  if (!allowed.includes(type)) return `has geometry type ${type}, expected ${allowed.join(' or ')}`;
  const defect = coordinatesDefect(type, geometry.coordinates);
  return defect && `has a malformed geometry: ${defect}`;
}

export function checkStructure(files: Record<PackFileKey, unknown>): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(PACK_FILES) as PackFileKey[]) {
    const file = PACK_FILES[key];
    const collection = files[key];
    const isCollection = isObject(collection) && collection.type === 'FeatureCollection';
    if (!isCollection || !Array.isArray(collection.features)) {
      problems.push({ file, message: 'is not a GeoJSON FeatureCollection' });
      continue;
    }
    collection.features.forEach((feature: unknown, index) => {
      const defect = featureDefect(feature, GEOMETRY_TYPES[key]);
      if (defect === null) return;
      const id = labelOf({ properties: isObject(feature) ? feature.properties : null }, index);
      problems.push({ file, id, message: defect });
    });
  }
  return problems;
}
