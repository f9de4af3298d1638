// Names of compounds and committees by id, from the geography pack bundled with the wall (the
// relay's roll-ups and feed carry ids, and Chinese names only). In English, compounds and
// committees go by the pack's romanised names, for visitors who read no Chinese.
import type { GeoPack } from '../../geo/schema.ts';
import type { Lang } from '../i18n/lang.ts';

export interface PlaceNames {
  compounds: ReadonlyMap<string, string>;
  committees: ReadonlyMap<string, string>;
}

export function placeNames(pack: Pick<GeoPack, 'compounds' | 'committees'>, lang: Lang): PlaceNames {
  return {
    compounds: new Map(pack.compounds.features.map(({ properties: p }) => [p.id, lang === 'en' ? p.nameEn : p.name])),
    committees: new Map(pack.committees.features.map(({ properties: p }) => [p.id, lang === 'en' ? p.nameEn : p.name])),
  };
}
