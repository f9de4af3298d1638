// Polygons that are not simple: self-intersections (a bow-tie), spikes, holes crossing their
// shell, zero area. The area-based checks skip such features: their area means nothing and
// polygon clipping may throw on them.
import { area, booleanValid, kinks } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { PACK_FILES, type GeoPack } from '../schema.ts';
import { POLYGON_FILES } from './geometryRules.ts';
import { labelOf, type Problem } from './problem.ts';

function parts(geometry: Polygon | MultiPolygon): Polygon[] {
  return geometry.type === 'Polygon'
    ? [geometry]
    : geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
}

function polygonDefect(geometry: Polygon | MultiPolygon): string | null {
  // Per part: kinks() would report parts of a MultiPolygon that merely touch each other.
  for (const part of parts(geometry)) {
    const crossing = kinks(part).features[0];
    if (crossing) {
      const [lon, lat] = crossing.geometry.coordinates;
      return `self-intersects near (${lon?.toFixed(6)}, ${lat?.toFixed(6)})`;
    }
  }
  if (!booleanValid(geometry)) {
    return 'is not a valid polygon (a spike, a repeated vertex or a hole crossing its shell)';
  }
  if (area(geometry) === 0) return 'has zero area';
  return null;
}

/** Problems with polygons that are not simple, and those features, for later checks to skip. */
export function checkPolygonValidity(pack: GeoPack): { problems: Problem[]; invalid: ReadonlySet<object> } {
  const problems: Problem[] = [];
  const invalid = new Set<object>();
  for (const key of POLYGON_FILES) {
    const features: readonly Feature<Polygon | MultiPolygon>[] = pack[key].features;
    features.forEach((feature, index) => {
      const defect = polygonDefect(feature.geometry);
      if (defect === null) return;
      invalid.add(feature);
      problems.push({ file: PACK_FILES[key], id: labelOf(feature, index), message: defect });
    });
  }
  return { problems, invalid };
}
