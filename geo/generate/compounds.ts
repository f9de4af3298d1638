// Synthesized compounds: kinds, names and years on the chosen sites, buildings inside them,
// and the population those buildings house.
import type { Building, Committee, Compound, CompoundKind } from '../schema.ts';
import { buildingFeatures, floorArea } from './buildings.ts';
import { assignKinds, builtYear } from './compoundProfile.ts';
import { nameCompounds, stemOf } from './compoundNames.ts';
import type { Site } from './compoundSites.ts';
import type { LocalFrame } from './localFrame.ts';
import { populate } from './population.ts';
import { romanise } from './romanise.ts';
import type { Random } from '../../lib/random.ts';

export function synthesizeCompounds(
  sites: readonly Site[],
  committees: readonly Committee[],
  frame: LocalFrame,
  random: Random,
): { compounds: Compound[]; buildings: Building[] } {
  const committeeName = (id: string) => {
    const committee = committees.find((c) => c.properties.id === id);
    if (!committee) throw new Error(`no committee ${id}`);
    return committee.properties.name;
  };
  const kinds = assignKinds(
    sites.map(({ parcel, article }) => ({
      committeeStyle: stemOf(committeeName(parcel.committeeId)).style,
      area: parcel.area,
      ...(article && { fixedKind: article.kind }),
    })),
    random.stream('kinds'),
  );
  const names = nameCompounds(
    sites.map(({ parcel, article }, i) => ({
      committeeName: committeeName(parcel.committeeId),
      kind: kinds[i] as CompoundKind,
      centre: parcel.centre,
      ...(article && { fixed: article.name }),
    })),
    random.stream('names'),
  );
  const drafts = sites.map(({ parcel, article }, i) => {
    const id = `SQ-C${String(i + 1).padStart(2, '0')}`;
    const kind = kinds[i] as CompoundKind;
    const buildings = buildingFeatures(id, parcel.polygon, kind, frame, random.stream(`buildings:${id}`));
    return { id, kind, parcel, article, name: names[i] as string, buildings };
  });
  const population = populate(
    drafts.map((d) => ({ kind: d.kind, floorArea: floorArea(d.buildings, frame) })),
    random.stream('population'),
  );
  const compounds = drafts.map(({ id, kind, parcel, article, name }, i): Compound => ({
    type: 'Feature',
    properties: {
      id,
      name,
      nameEn: romanise(name),
      areaId: parcel.areaId,
      committeeId: parcel.committeeId,
      ...(population[i] as (typeof population)[number]),
      kind,
      builtYear: builtYear(kind, random.stream(`year:${id}`)),
      address: article?.address ?? null,
      provenance: article ? 'real' : 'synthesized',
    },
    geometry: parcel.polygon,
  }));
  return { compounds, buildings: drafts.flatMap((d) => d.buildings) };
}
