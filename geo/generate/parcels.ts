// Parcels: the land a compound, a school or a green can take. Each plot is cut by the committee
// borders (kept a setback inside them), so every parcel lies within exactly one committee even
// when a surveyed committee file does not follow the synthesized streets.
import { bbox, buffer } from '@turf/turf';
import type { BBox, Polygon } from 'geojson';
import type { Committee } from '../schema.ts';
import { usableArea, type Cell } from './blocks.ts';
import { overlapPieces, polygonRings } from './geojson.ts';
import type { LocalFrame, XY } from './localFrame.ts';
import { ringCentroid } from './planar.ts';

const COMMITTEE_SETBACK_M = 3;

export interface Parcel {
  polygon: Polygon;
  /** m² */
  area: number;
  /** Centroid in the local frame. */
  centre: XY;
  committeeId: string;
  areaId: string;
}

const overlapsBox = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

export function parcelsOf(cells: readonly Cell[], committees: readonly Committee[], frame: LocalFrame): Parcel[] {
  const insets = committees.flatMap((c) => {
    const inset = buffer(c, -COMMITTEE_SETBACK_M, { units: 'meters' });
    return inset ? [{ committee: c, geometry: inset.geometry, box: bbox(inset) }] : [];
  });
  return cells.flatMap((cell) => {
    if (!cell.plot) return [];
    const plot = cell.plot;
    const box = bbox(plot);
    return insets
      .filter((i) => overlapsBox(box, i.box))
      .flatMap((i) =>
        overlapPieces(plot, i.geometry).flatMap((polygon) => {
          const area = usableArea(polygon, frame);
          if (area === 0) return [];
          const centre = ringCentroid(polygonRings(polygon, frame)[0] ?? []);
          const { id: committeeId, areaId } = i.committee.properties;
          return [{ polygon, area, centre, committeeId, areaId }];
        }),
      );
  });
}
