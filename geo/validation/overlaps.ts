// Polygons of one kind must not overlap: areas and committees partition the sub-district,
// compounds and buildings are disjoint. Candidate pairs come from a bbox index, so only
// neighbours are clipped.
import { bbox } from '@turf/turf';
import Flatbush from 'flatbush';
import { PACK_FILES, type GeoPack } from '../schema.ts';
import { AREA_TOLERANCE_M2, areaShared, squareMetres, type PolygonFeature } from './geometry.ts';
import { labelOf, type Problem } from './problem.ts';

function overlapProblems(
  file: string,
  all: readonly PolygonFeature[],
  invalid: ReadonlySet<object>,
): Problem[] {
  const candidates = all
    .map((feature, position) => ({ feature, position, box: bbox(feature) }))
    .filter(({ feature }) => !invalid.has(feature));
  if (candidates.length === 0) return [];
  const index = new Flatbush(candidates.length);
  for (const { box: [west, south, east, north] } of candidates) index.add(west, south, east, north);
  index.finish();
  const problems: Problem[] = [];
  candidates.forEach((a, i) => {
    const [west, south, east, north] = a.box;
    for (const j of index.search(west, south, east, north)) {
      const b = candidates[j];
      if (j <= i || !b) continue;
      const shared = areaShared(a.feature, b.feature);
      if (shared > AREA_TOLERANCE_M2) {
        problems.push({
          file,
          id: labelOf(a.feature, a.position),
          message: `overlaps ${labelOf(b.feature, b.position)} (${squareMetres(shared)})`,
        });
      }
    }
  });
  return problems;
}

export function checkOverlaps(pack: GeoPack, invalid: ReadonlySet<object>): Problem[] {
  return (['areas', 'committees', 'compounds', 'buildings'] as const).flatMap((key) =>
    overlapProblems(PACK_FILES[key], pack[key].features, invalid),
  );
}
