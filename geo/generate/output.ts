// Writes the pack so that the same input gives the same bytes: coordinates rounded to 6
// decimals (~0.1 m), rings wound as RFC 7946 asks (outer counter-clockwise), properties in the
// order they were built, one feature per line for readable diffs, and a trailing newline.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { PACK_FILES, type GeoPack, type PackFileKey } from '../schema.ts';
import { ringArea } from './planar.ts';

const round = (v: number) => Math.round(v * 1e6) / 1e6;

function roundLine(line: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of line) {
    const q = [round(p[0] ?? 0), round(p[1] ?? 0)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

function roundRing(ring: readonly Position[], counterClockwise: boolean): Position[] {
  const out = roundLine(ring);
  const [first, last] = [out[0], out[out.length - 1]];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([...first]);
  if (out.length < 4) throw new Error(`a ring collapsed to ${out.length} positions when rounded`);
  const ccw = ringArea(out.map((p) => [p[0] ?? 0, p[1] ?? 0])) > 0;
  return ccw === counterClockwise ? out : out.reverse();
}

const roundPolygon = (rings: readonly Position[][]) => rings.map((ring, i) => roundRing(ring, i === 0));

function roundGeometry(g: Geometry): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: roundLine([g.coordinates])[0] ?? [] };
    case 'LineString':
      return { type: 'LineString', coordinates: roundLine(g.coordinates) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: roundPolygon(g.coordinates) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map(roundPolygon) };
    default:
      throw new Error(`the pack has no ${g.type} geometries`);
  }
}

export function serialiseCollection(collection: FeatureCollection): string {
  const lines = collection.features.map((f: Feature) =>
    JSON.stringify({ type: 'Feature', properties: f.properties, geometry: roundGeometry(f.geometry) }),
  );
  return `{"type":"FeatureCollection","features":[${lines.map((l) => `\n${l}`).join(',')}\n]}\n`;
}

export async function writePack(dir: string, pack: GeoPack): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const key of Object.keys(PACK_FILES) as PackFileKey[]) {
    await writeFile(join(dir, PACK_FILES[key]), serialiseCollection(pack[key]));
  }
}
