// Each polygon lies inside what it belongs to: areas and committees inside the boundary,
// committees inside their area, compounds inside the boundary and their committee, buildings
// inside their compound. Unresolvable references are left to the reference check.
import { PACK_FILES, type GeoPack } from '../schema.ts';
import { AREA_TOLERANCE_M2, areaOutside, squareMetres, type PolygonFeature } from './geometry.ts';
import { featuresById } from './featuresById.ts';
import { labelOf, type Problem } from './problem.ts';

type Container = { feature: PolygonFeature; name: string } | undefined;

function outsideProblems<F extends PolygonFeature>(
  file: string,
  features: readonly F[],
  invalid: ReadonlySet<object>,
  containerOf: (feature: F) => Container,
): Problem[] {
  return features.flatMap((feature, index) => {
    const container = containerOf(feature);
    if (!container || invalid.has(feature) || invalid.has(container.feature)) return [];
    const outside = areaOutside(feature, container.feature);
    if (outside <= AREA_TOLERANCE_M2) return [];
    const message = `lies outside ${container.name} (${squareMetres(outside)} outside)`;
    return [{ file, id: labelOf(feature, index), message }];
  });
}

export function checkContainment(pack: GeoPack, invalid: ReadonlySet<object>): Problem[] {
  const boundary = pack.boundary.features[0];
  const inBoundary = (): Container => boundary && { feature: boundary, name: 'the boundary' };
  const within = <F extends PolygonFeature>(index: Map<string, F>, kind: string) => (id: string): Container => {
    const feature = index.get(id);
    return feature && { feature, name: `its ${kind} ${id}` };
  };
  const area = within(featuresById(pack.areas.features), 'area');
  const committee = within(featuresById(pack.committees.features), 'committee');
  const compound = within(featuresById(pack.compounds.features), 'compound');
  const { areas, committees, compounds, buildings } = pack;
  return [
    ...outsideProblems(PACK_FILES.areas, areas.features, invalid, inBoundary),
    ...outsideProblems(PACK_FILES.committees, committees.features, invalid, inBoundary),
    ...outsideProblems(PACK_FILES.committees, committees.features, invalid, (c) => area(c.properties.areaId)),
    ...outsideProblems(PACK_FILES.compounds, compounds.features, invalid, inBoundary),
    ...outsideProblems(PACK_FILES.compounds, compounds.features, invalid, (c) => committee(c.properties.committeeId)),
    ...outsideProblems(PACK_FILES.buildings, buildings.features, invalid, (b) => compound(b.properties.compoundId)),
  ];
}
