// Green space: the largest parcels left over once compounds and landmarks have taken theirs,
// each named after the nearest named street.
import type { Feature, Polygon } from 'geojson';
import type { LineProps } from '../schema.ts';
import type { XY } from './localFrame.ts';
import type { Parcel } from './parcels.ts';
import { segmentDistance } from './planar.ts';
import type { LaidStreet } from './streets.ts';

const KINDS_OF_GREEN = ['绿地', '街心花园', '口袋公园'];

function nearestStreetName(p: XY, streets: readonly LaidStreet[]): string {
  const distance = ({ def, at, pieces }: LaidStreet) =>
    Math.min(...pieces.map(([a, b]) => (def.axis === 'ns' ? segmentDistance(p, [at, a], [at, b]) : segmentDistance(p, [a, at], [b, at]))));
  const named = streets.filter((s) => s.def.provenance !== 'synthesized');
  const nearest = named.reduce<LaidStreet | undefined>((best, s) => (best && distance(best) <= distance(s) ? best : s), undefined);
  return nearest?.def.name ?? '石泉';
}

export function greenFeatures(leftover: readonly Parcel[], streets: readonly LaidStreet[], count: number): Feature<Polygon, LineProps>[] {
  const used = new Set<string>();
  return [...leftover]
    .sort((a, b) => b.area - a.area)
    .slice(0, count)
    .map((parcel) => {
      const street = nearestStreetName(parcel.centre, streets);
      const name = [...KINDS_OF_GREEN.map((k) => `${street}${k}`), `${street}绿地${used.size + 1}`].find((n) => !used.has(n)) as string;
      used.add(name);
      return { type: 'Feature', properties: { name, provenance: 'synthesized' }, geometry: parcel.polygon };
    });
}
