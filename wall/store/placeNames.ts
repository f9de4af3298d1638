// Names of compounds and committees by id, from the geography pack bundled with the wall (the
// relay's roll-ups carry ids only).
import type { GeoPack } from '../../geo/schema.ts';

export interface PlaceNames {
  compounds: ReadonlyMap<string, string>;
  committees: ReadonlyMap<string, string>;
}

export function placeNames(pack: Pick<GeoPack, 'compounds' | 'committees'>): PlaceNames {
  return {
    compounds: new Map(pack.compounds.features.map(({ properties: p }) => [p.id, p.name])),
    committees: new Map(pack.committees.features.map(({ properties: p }) => [p.id, p.name])),
  };
}
