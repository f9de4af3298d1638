// The compounds events happen in, and how a kind picks one: weighted by residents, elderly
// residents or households, optionally only among some compound kinds.
import { bbox } from '@turf/turf';
import type { BBox, Polygon } from 'geojson';
import type { CompoundKind, GeoPack } from '../../geo/schema.ts';
import type { CompoundSpec } from '../profile/schema.ts';

export interface SimCompound {
  id: string;
  kind: CompoundKind;
  residents: number;
  households: number;
  elderlyShare: number;
  polygon: Polygon;
  bbox: BBox;
}

/** The pack's compounds in id order, so a pack file's feature order cannot change the events. */
export function simCompoundsFromPack(pack: GeoPack): SimCompound[] {
  return pack.compounds.features
    .map(({ properties: p, geometry }) => ({
      id: p.id,
      kind: p.kind,
      residents: p.residents,
      households: p.households,
      elderlyShare: p.elderlyShare,
      polygon: geometry,
      bbox: bbox(geometry),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function weightOf(compound: SimCompound, spec: CompoundSpec): number {
  if (spec.kinds && !spec.kinds.includes(compound.kind)) return 0;
  switch (spec.weight) {
    case 'residents':
      return compound.residents;
    case 'elderly':
      return compound.residents * compound.elderlyShare;
    case 'households':
      return compound.households;
  }
}

export interface CompoundPicker {
  /** Index into the compound list for a uniform draw in [0, 1). */
  pick(u: number): number;
  /** Residents of the compounds that can be picked. */
  eligibleResidents: number;
}

/** Throws, naming `label`, when no compound has any weight under `spec`. */
export function compoundPicker(compounds: readonly SimCompound[], spec: CompoundSpec, label: string): CompoundPicker {
  const cdf = new Float64Array(compounds.length);
  let total = 0;
  let eligibleResidents = 0;
  compounds.forEach((compound, i) => {
    const weight = weightOf(compound, spec);
    total += weight;
    if (weight > 0) eligibleResidents += compound.residents;
    cdf[i] = total;
  });
  if (!(total > 0)) {
    const which = spec.kinds ? ` of kind ${spec.kinds.join(' or ')}` : '';
    throw new Error(`${label}: no compound${which} in the geo pack has any ${spec.weight}`);
  }
  return {
    eligibleResidents,
    pick(u) {
      const target = u * total;
      let lo = 0;
      let hi = cdf.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cdf[mid] ?? 0) > target) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
  };
}
