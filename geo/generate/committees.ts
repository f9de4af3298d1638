// Committee polygons: each committee grows from its seed cell over neighbouring cells of its
// own area, the one with least buildable land growing next, so committees come out of similar
// size and every committee border runs along a street or a lane.
import { featureCollection, union } from '@turf/turf';
import type { Polygon } from 'geojson';
import type { Committee, CommitteeProps } from '../schema.ts';
import { areaOfPoint } from './areas.ts';
import type { Cell } from './blocks.ts';
import type { CommitteeDef } from './committeeTable.ts';
import { overlapPieces, rectPolygon } from './geojson.ts';
import type { LocalFrame, XY } from './localFrame.ts';
import { rectCentre, rectContains } from './planar.ts';

const distance = (a: XY, b: XY) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** The committee index of each cell. */
export function growCommittees(
  cells: readonly Cell[],
  neighbours: readonly number[][],
  defs: readonly CommitteeDef[],
  frame: LocalFrame,
): number[] {
  const centres = cells.map((c) => rectCentre(c.rect));
  const areaOfCell = centres.map((c) => areaOfPoint(frame.toLonLat(c)));
  const seeds = defs.map((d) => frame.toXY(d.seed));
  const owner: number[] = cells.map(() => -1);
  const load = defs.map(() => 0);
  const claim = (cell: number, committee: number) => {
    owner[cell] = committee;
    load[committee] = (load[committee] ?? 0) + (cells[cell]?.plotArea ?? 0);
  };
  const nearestFree = (committee: number, among: readonly number[]) =>
    among
      .filter((i) => owner[i] === -1 && areaOfCell[i] === defs[committee]?.areaId)
      .sort((a, b) => distance(centres[a] as XY, seeds[committee] as XY) - distance(centres[b] as XY, seeds[committee] as XY))[0];

  defs.forEach((def, k) => {
    const seed = seeds[k] as XY;
    const holding = cells.findIndex((c, i) => owner[i] === -1 && areaOfCell[i] === def.areaId && rectContains(c.rect, seed));
    const usable = cells.flatMap((c, i) => (c.plot ? [i] : []));
    const start = holding >= 0 ? holding : nearestFree(k, usable);
    if (start === undefined) throw new Error(`no free cell in ${def.areaId} for committee ${def.name}`);
    claim(start, k);
  });

  const frontier = (k: number) => owner.flatMap((o, i) => (o === k ? (neighbours[i] ?? []) : []));
  for (;;) {
    const growing = defs
      .map((_, k) => ({ k, next: nearestFree(k, frontier(k)) }))
      .filter((g) => g.next !== undefined)
      .sort((a, b) => (load[a.k] ?? 0) - (load[b.k] ?? 0) || a.k - b.k)[0];
    if (!growing) break;
    claim(growing.next as number, growing.k);
  }
  // Cells no committee could reach through neighbours (corner slivers) go to the nearest seed.
  owner.forEach((o, i) => {
    if (o !== -1) return;
    const same = defs.flatMap((d, k) => (d.areaId === areaOfCell[i] ? [k] : []));
    const nearest = same.sort((a, b) => distance(centres[i] as XY, seeds[a] as XY) - distance(centres[i] as XY, seeds[b] as XY))[0];
    if (nearest === undefined) throw new Error(`no committee in area ${areaOfCell[i]}`);
    claim(i, nearest);
  });
  return owner;
}

/** Each committee's polygon: the union of its cells, clipped to the boundary. */
export function committeeFeatures(
  cells: readonly Cell[],
  owner: readonly number[],
  defs: readonly CommitteeDef[],
  boundary: Polygon,
  frame: LocalFrame,
): Committee[] {
  return defs.map((def, k) => {
    const props: CommitteeProps = {
      id: def.id,
      adcode: def.adcode,
      name: def.name,
      nameEn: def.nameEn,
      shortName: def.shortName,
      areaId: def.areaId,
      provenance: def.provenance,
    };
    const rects = cells.filter((_, i) => owner[i] === k).map((c) => ({ type: 'Feature' as const, properties: {}, geometry: rectPolygon(c.rect, frame) }));
    const merged = union(featureCollection(rects));
    const pieces = merged ? overlapPieces(merged.geometry, boundary) : [];
    if (pieces.length === 0) throw new Error(`committee ${props.name} has no land`);
    const geometry =
      pieces.length === 1
        ? (pieces[0] as Polygon)
        : { type: 'MultiPolygon' as const, coordinates: pieces.map((p) => p.coordinates) };
    return { type: 'Feature', properties: props, geometry };
  });
}
