// Plane geometry in the local metric frame: the few exact tests the layout needs, where a
// general polygon library would be slower and no clearer.
import type { XY } from './localFrame.ts';

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type Ring = readonly XY[];

export const rectWidth = (r: Rect) => r.x1 - r.x0;
export const rectHeight = (r: Rect) => r.y1 - r.y0;
export const rectCentre = (r: Rect): XY => [(r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2];
export const rectContains = (r: Rect, [x, y]: XY) => x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;

/** Closed ring, counter-clockwise. */
export const rectRing = (r: Rect): XY[] => [
  [r.x0, r.y0],
  [r.x1, r.y0],
  [r.x1, r.y1],
  [r.x0, r.y1],
  [r.x0, r.y0],
];

/** Even-odd test against every ring (outer ring and holes). */
export function insidePolygon([x, y]: XY, rings: readonly Ring[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as XY;
      const [xj, yj] = ring[j] as XY;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

const cross = (o: XY, a: XY, b: XY) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Whether segments ab and cd cross at a point inside both (touching does not count). */
function segmentsCross(a: XY, b: XY, c: XY, d: XY): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

function* edges(rings: readonly Ring[]): Generator<[XY, XY]> {
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) yield [ring[i - 1] as XY, ring[i] as XY];
  }
}

/** Whether the rectangle lies inside the polygon: its corners inside and no edge crossing it. */
export function rectInsidePolygon(rect: Rect, rings: readonly Ring[]): boolean {
  const corners = rectRing(rect);
  if (!corners.slice(0, 4).every((c) => insidePolygon(c, rings))) return false;
  for (const [a, b] of edges(rings)) {
    for (let i = 1; i < corners.length; i++) {
      if (segmentsCross(a, b, corners[i - 1] as XY, corners[i] as XY)) return false;
    }
  }
  return true;
}

/**
 * The parts of an axis-parallel line that lie inside the polygon, as sorted [from, to] intervals
 * along the line: `axis` 'x' means the line x = at (intervals of y), 'y' means y = at.
 */
export function insideIntervals(rings: readonly Ring[], axis: 'x' | 'y', at: number): [number, number][] {
  const [along, across] = axis === 'x' ? [1, 0] : [0, 1];
  const hits: number[] = [];
  for (const [a, b] of edges(rings)) {
    const ca = a[across] as number;
    const cb = b[across] as number;
    if (ca > at === cb > at) continue;
    const t = (at - ca) / (cb - ca);
    hits.push((a[along] as number) + t * ((b[along] as number) - (a[along] as number)));
  }
  hits.sort((p, q) => p - q);
  const intervals: [number, number][] = [];
  for (let i = 0; i + 1 < hits.length; i += 2) intervals.push([hits[i] as number, hits[i + 1] as number]);
  return intervals;
}

/** Length of [from, to] covered by the intervals. */
export function coveredLength(intervals: readonly [number, number][], from: number, to: number): number {
  let total = 0;
  for (const [a, b] of intervals) total += Math.max(0, Math.min(b, to) - Math.max(a, from));
  return total;
}

/** Signed area (positive when counter-clockwise). */
export function ringArea(ring: Ring): number {
  let twice = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x0, y0] = ring[i - 1] as XY;
    const [x1, y1] = ring[i] as XY;
    twice += x0 * y1 - x1 * y0;
  }
  return twice / 2;
}

export function ringPerimeter(ring: Ring): number {
  let total = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x0, y0] = ring[i - 1] as XY;
    const [x1, y1] = ring[i] as XY;
    total += Math.hypot(x1 - x0, y1 - y0);
  }
  return total;
}

export function ringBounds(ring: Ring): Rect {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Area-weighted centre of a ring. */
export function ringCentroid(ring: Ring): XY {
  let [cx, cy, twice] = [0, 0, 0];
  for (let i = 1; i < ring.length; i++) {
    const [x0, y0] = ring[i - 1] as XY;
    const [x1, y1] = ring[i] as XY;
    const w = x0 * y1 - x1 * y0;
    [cx, cy, twice] = [cx + (x0 + x1) * w, cy + (y0 + y1) * w, twice + w];
  }
  return [cx / (3 * twice), cy / (3 * twice)];
}

/** Distance from p to the segment ab. */
export function segmentDistance(p: XY, a: XY, b: XY): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Distance from p to a polyline. */
export function polylineDistance(p: XY, line: readonly XY[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) best = Math.min(best, segmentDistance(p, line[i - 1] as XY, line[i] as XY));
  return best;
}
