// Polygons that share an edge must share its vertices too, or rounding the coordinates for
// output moves one copy of the edge and not the other, leaving slivers where a committee pokes
// out of its area or the boundary by a few square metres. So every vertex of one polygon that
// lies on another's edge is inserted into that edge before the pack is written.
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** Degrees; a vertex this close to an edge lies on it (0.1 mm). */
const ON_EDGE = 1e-9;

function parameterOnEdge(p: Position, a: Position, b: Position): number | null {
  const [ax = 0, ay = 0] = a;
  const [dx, dy] = [(b[0] ?? 0) - ax, (b[1] ?? 0) - ay];
  const [px, py] = [(p[0] ?? 0) - ax, (p[1] ?? 0) - ay];
  const length2 = dx * dx + dy * dy;
  if (length2 === 0) return null;
  const t = (px * dx + py * dy) / length2;
  if (t <= 0 || t >= 1) return null;
  return Math.abs(px * dy - py * dx) / Math.sqrt(length2) <= ON_EDGE ? t : null;
}

const rings = (g: Polygon | MultiPolygon): Position[][] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

function densify(ring: readonly Position[], vertices: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const [a, b] = [ring[i] as Position, ring[i + 1] as Position];
    out.push(a);
    const on = vertices
      .map((v) => ({ v, t: parameterOnEdge(v, a, b) }))
      .filter((x): x is { v: Position; t: number } => x.t !== null)
      .sort((x, y) => x.t - y.t);
    out.push(...on.map((x) => x.v));
  }
  out.push(ring[ring.length - 1] as Position);
  return out;
}

/** The geometries with every vertex of any of them that lies on an edge inserted into it. */
export function shareVertices<G extends Polygon | MultiPolygon>(geometries: readonly G[]): G[] {
  const vertices = [...new Map(geometries.flatMap(rings).flat().map((p) => [`${p[0]},${p[1]}`, p])).values()];
  const densifyPolygon = (polygon: Position[][]) => polygon.map((ring) => densify(ring, vertices));
  return geometries.map((g) =>
    g.type === 'Polygon'
      ? ({ ...g, coordinates: densifyPolygon(g.coordinates) } as G)
      : ({ ...g, coordinates: g.coordinates.map(densifyPolygon) } as G),
  );
}

/** Boundary, areas and committees with their common edges made of the same vertices. */
export function sharePartition<B extends Feature<Polygon>, A extends Feature<Polygon | MultiPolygon>, C extends Feature<Polygon | MultiPolygon>>(
  boundary: B,
  areas: readonly A[],
  committees: readonly C[],
): { boundary: B; areas: A[]; committees: C[] } {
  const [outline, ...parts] = shareVertices([boundary.geometry, ...areas.map((a) => a.geometry), ...committees.map((c) => c.geometry)]);
  const part = (i: number) => parts[i] as Polygon | MultiPolygon;
  return {
    boundary: { ...boundary, geometry: outline as Polygon },
    areas: areas.map((a, i) => ({ ...a, geometry: part(i) })),
    committees: committees.map((c, i) => ({ ...c, geometry: part(areas.length + i) })),
  };
}
