// The internal street grid. Names are real streets of the sub-district (positions approximate,
// chosen to make plausible blocks); unnamed ones are synthesized to keep blocks near 300 m.
// Each street is an axis-parallel line, so blocks between them are rectangles.
import type { Polygon } from 'geojson';
import type { Provenance } from '../schema.ts';
import type { LocalFrame } from './localFrame.ts';
import { insideIntervals, type Ring } from './planar.ts';

export type StreetClass = 'arterial' | 'local';

export interface StreetDef {
  name: string;
  nameEn: string;
  class: StreetClass;
  provenance: Provenance;
  /** 'ns': runs north–south at longitude `at`; 'ew': runs east–west at latitude `at`. */
  axis: 'ns' | 'ew';
  at: number;
  /** Extent along the street (latitudes for 'ns', longitudes for 'ew'); the boundary clips it. */
  span: [number, number];
}

/** Half the width of each kind of way, kerb to kerb plus pavement, in metres. */
export const HALF_WIDTH_M = { boundary: 22, arterial: 15, local: 10, lane: 4 } as const;

export const LANGAO_LON = 121.4172;
export const NINGQIANG_LAT = 31.2503;
const TONGCHUAN_LAT = 31.2532;
const FAR = { south: 31.23, north: 31.27, west: 121.39, east: 121.44 };
const UNNAMED = { name: '支路', nameEn: 'Unnamed local street', class: 'local', provenance: 'synthesized' } as const;

export const STREETS: readonly StreetDef[] = [
  { name: '岚皋路', nameEn: 'Langao Road', class: 'arterial', provenance: 'real', axis: 'ns', at: LANGAO_LON, span: [FAR.south, FAR.north] },
  { name: '静宁路', nameEn: 'Jingning Road', class: 'local', provenance: 'real', axis: 'ns', at: 121.4112, span: [FAR.south, FAR.north] },
  { name: '中宁路', nameEn: 'Zhongning Road', class: 'local', provenance: 'real', axis: 'ns', at: 121.4212, span: [FAR.south, FAR.north] },
  { ...UNNAMED, axis: 'ns', at: 121.4072, span: [FAR.south, TONGCHUAN_LAT] },
  { ...UNNAMED, axis: 'ns', at: 121.4142, span: [FAR.south, FAR.north] },
  { ...UNNAMED, axis: 'ns', at: 121.424, span: [NINGQIANG_LAT, FAR.north] },
  { name: '石泉路', nameEn: 'Shiquan Road', class: 'arterial', provenance: 'real', axis: 'ew', at: 31.2577, span: [FAR.west, FAR.east] },
  { name: '洵阳路', nameEn: 'Xunyang Road', class: 'local', provenance: 'real', axis: 'ew', at: 31.2554, span: [FAR.west, FAR.east] },
  { name: '铜川路', nameEn: 'Tongchuan Road', class: 'arterial', provenance: 'real', axis: 'ew', at: TONGCHUAN_LAT, span: [FAR.west, LANGAO_LON] },
  { name: '管弄路', nameEn: 'Guannong Road', class: 'local', provenance: 'real', axis: 'ew', at: TONGCHUAN_LAT, span: [LANGAO_LON, FAR.east] },
  { name: '宁强路', nameEn: 'Ningqiang Road', class: 'local', provenance: 'real', axis: 'ew', at: NINGQIANG_LAT, span: [FAR.west, 121.424] },
  { name: '兰溪路', nameEn: 'Lanxi Road', class: 'local', provenance: 'real', axis: 'ew', at: 31.2472, span: [FAR.west, 121.4212] },
];

/** A street as laid inside the boundary, in the local frame. */
export interface LaidStreet {
  def: StreetDef;
  /** x of a north–south street, y of an east–west one. */
  at: number;
  /** Pieces inside the boundary, as [from, to] along the street. */
  pieces: [number, number][];
}

export function layStreets(boundary: Polygon, frame: LocalFrame, defs: readonly StreetDef[] = STREETS): LaidStreet[] {
  const rings: Ring[] = boundary.coordinates.map((ring) => ring.map((p) => frame.toXY(p)));
  return defs.flatMap((def) => {
    const ns = def.axis === 'ns';
    const point = (along: number) => frame.toXY(ns ? [def.at, along] : [along, def.at]);
    const at = ns ? point(def.span[0])[0] : point(def.span[0])[1];
    const [from, to] = def.span.map((s) => (ns ? point(s)[1] : point(s)[0])) as [number, number];
    const pieces = insideIntervals(rings, ns ? 'x' : 'y', at)
      .map(([a, b]): [number, number] => [Math.max(a, from), Math.min(b, to)])
      .filter(([a, b]) => b - a > 1);
    return pieces.length ? [{ def, at, pieces }] : [];
  });
}
