// Basemap lines: the seven boundary roads traced along the boundary itself (so a surveyed
// boundary brings its own road lines), the Inner Ring elevated over 中山北路, the internal street
// grid, and the Shanghai–Nanjing railway just north of 交通路.
import type { Feature, LineString, Polygon } from 'geojson';
import type { LineProps, Road, RoadProps } from '../schema.ts';
import type { LocalFrame, XY } from './localFrame.ts';
import { insidePolygon, polylineDistance, ringCentroid, type Ring } from './planar.ts';
import type { BoundaryRoadLine } from './sources.ts';
import type { LaidStreet } from './streets.ts';

interface BoundaryRoadDef {
  /** Start of the schematic's label for this road. */
  label: string;
  name: string;
  nameEn: string;
}

const BOUNDARY_ROADS: readonly BoundaryRoadDef[] = [
  { label: '中山北路', name: '中山北路', nameEn: 'Zhongshan North Road' },
  { label: '武宁路', name: '武宁路', nameEn: 'Wuning Road' },
  { label: '曹杨路', name: '曹杨路', nameEn: 'Caoyang Road' },
  { label: '铜川路', name: '铜川路', nameEn: 'Tongchuan Road' },
  { label: '真华路', name: '真华路', nameEn: 'Zhenhua Road' },
  { label: '交通路', name: '交通路', nameEn: 'Jiaotong Road' },
  { label: '光新路', name: '光新路', nameEn: 'Guangxin Road' },
];
const INNER_RING = { along: '中山北路', name: '内环高架路', nameEn: 'Inner Ring Elevated Road' };
const RAILWAY = { along: '交通路', name: '沪宁铁路', offsetM: 60, extendM: 600 };
/** Boundary roads continue past the corners; drawn this far where they leave the sub-district. */
const RUN_ON_M = 250;

interface Traced {
  def: BoundaryRoadDef;
  line: XY[];
}

const unit = (a: XY, b: XY): XY => {
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  return [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
};
const along = (p: XY, d: XY, m: number): XY => [p[0] + d[0] * m, p[1] + d[1] * m];

/** Splits the boundary ring into runs, each named after the nearest schematic boundary road. */
export function traceBoundaryRoads(ring: Ring, references: readonly BoundaryRoadLine[], frame: LocalFrame): Traced[] {
  const lines = references.flatMap((r) => {
    const def = BOUNDARY_ROADS.find((d) => r.label.startsWith(d.label));
    return def ? [{ def, xy: r.line.coordinates.map((p) => frame.toXY(p)) }] : [];
  });
  const edges = ring.slice(1).map((b, i) => {
    const a = ring[i] as XY;
    const mid: XY = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const nearest = lines.reduce((best, l) => (polylineDistance(mid, l.xy) < polylineDistance(mid, best.xy) ? l : best));
    return { a, b, def: nearest.def };
  });
  // Start at a change of road, so that no run is cut in two by the ring's seam.
  const start = Math.max(0, edges.findIndex((e, i) => e.def !== edges[(i + edges.length - 1) % edges.length]?.def));
  const runs: Traced[] = [];
  for (const e of [...edges.slice(start), ...edges.slice(0, start)]) {
    const last = runs[runs.length - 1];
    if (last && last.def === e.def) last.line.push(e.b);
    else runs.push({ def: e.def, line: [e.a, e.b] });
  }
  return runs;
}

/** The line run on past either end where it leaves the boundary. */
function runOn(line: XY[], boundary: readonly Ring[]): XY[] {
  const [first, second] = [line[0] as XY, line[1] as XY];
  const [last, beforeLast] = [line[line.length - 1] as XY, line[line.length - 2] as XY];
  const head = along(first, unit(second, first), RUN_ON_M);
  const tail = along(last, unit(beforeLast, last), RUN_ON_M);
  const outside = (from: XY, to: XY) => !insidePolygon([(from[0] + to[0]) / 2, (from[1] + to[1]) / 2], boundary);
  return [...(outside(first, head) ? [head] : []), ...line, ...(outside(last, tail) ? [tail] : [])];
}

const lineString = (line: readonly XY[], frame: LocalFrame): LineString => ({
  type: 'LineString',
  coordinates: line.map((p) => frame.toLonLat(p)),
});

export function roadFeatures(traced: readonly Traced[], streets: readonly LaidStreet[], boundary: readonly Ring[], frame: LocalFrame): Road[] {
  const road = (props: RoadProps, line: readonly XY[]): Road => ({ type: 'Feature', properties: props, geometry: lineString(line, frame) });
  const edges = traced.map((t) =>
    road({ name: t.def.name, nameEn: t.def.nameEn, class: 'boundary', provenance: 'schematic' }, runOn(t.line, boundary)),
  );
  const elevated = traced
    .filter((t) => t.def.label === INNER_RING.along)
    .map((t) => road({ name: INNER_RING.name, nameEn: INNER_RING.nameEn, class: 'elevated', provenance: 'schematic' }, runOn(t.line, boundary)));
  const internal = streets.flatMap(({ def, at, pieces }) =>
    pieces.map(([from, to]) =>
      road(
        { name: def.name, nameEn: def.nameEn, class: def.class, provenance: def.provenance },
        def.axis === 'ns' ? [[at, from], [at, to]] : [[from, at], [to, at]],
      ),
    ),
  );
  return [...edges, ...elevated, ...internal];
}

/** The railway: 交通路 moved outwards (away from the sub-district) and run on both ways. */
export function railwayFeatures(traced: readonly Traced[], boundary: Polygon, frame: LocalFrame): Feature<LineString, LineProps>[] {
  const centre = ringCentroid(boundary.coordinates[0]?.map((p) => frame.toXY(p)) ?? []);
  return traced
    .filter((t) => t.def.label === RAILWAY.along)
    .map(({ line }) => {
      const [first, last] = [line[0] as XY, line[line.length - 1] as XY];
      const d = unit(first, last);
      const mid: XY = [(first[0] + last[0]) / 2, (first[1] + last[1]) / 2];
      const normal: XY = (mid[0] - centre[0]) * -d[1] + (mid[1] - centre[1]) * d[0] > 0 ? [-d[1], d[0]] : [d[1], -d[0]];
      const shifted = line.map((p) => along(p, normal, RAILWAY.offsetM));
      const run = [along(shifted[0] as XY, d, -RAILWAY.extendM), ...shifted, along(shifted[shifted.length - 1] as XY, d, RAILWAY.extendM)];
      return { type: 'Feature', properties: { name: RAILWAY.name, provenance: 'schematic' }, geometry: lineString(run, frame) };
    });
}
