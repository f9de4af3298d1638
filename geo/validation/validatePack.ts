// Every check of a pack, in an order where each may rely on the ones before: structure first
// (later checks read coordinates and properties freely), then contents, then geometry.
import type { GeoPack, PackFileKey } from '../schema.ts';
import { checkBoundaryArea } from './boundaryArea.ts';
import { checkContainment } from './containment.ts';
import { checkCounts } from './counts.ts';
import { checkIds } from './ids.ts';
import { checkOverlaps } from './overlaps.ts';
import { checkPolygonValidity } from './polygonValidity.ts';
import type { Problem } from './problem.ts';
import { checkProperties } from './properties.ts';
import { checkReferences } from './references.ts';
import { checkStructure } from './structure.ts';

/** Problems of a pack given as each file's parsed JSON; empty when the pack is valid. */
export function validatePack(files: Record<PackFileKey, unknown>): Problem[] {
  const structural = checkStructure(files);
  if (structural.length > 0) return structural;
  const pack = files as unknown as GeoPack;
  const validity = checkPolygonValidity(pack);
  return [
    ...checkCounts(pack),
    ...checkIds(pack),
    ...checkProperties(pack),
    ...checkReferences(pack),
    ...validity.problems,
    ...checkBoundaryArea(pack, validity.invalid),
    ...checkContainment(pack, validity.invalid),
    ...checkOverlaps(pack, validity.invalid),
  ];
}
