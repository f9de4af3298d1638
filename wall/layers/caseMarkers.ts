// Grid and hotline cases open now, as rings on the map: one per compound with open cases, at its
// label point, wider with more cases (relative to the compound with the most, so a year's
// backlog and a quiet morning both read); a compound with an overdue case gets a red core sized
// the same way. Drawn through the buildings, like the live dots, so a tilted camera cannot hide
// them.
import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { CasePlaceView } from '../../relay/protocol/snapshot.ts';
import type { RGBA } from './alertLevels.ts';
import { OVERLAY_PARAMETERS } from './depthParameters.ts';

const OPEN_COLOR: RGBA = [110, 231, 183, 200];
const OVERDUE_COLOR: RGBA = [255, 77, 94, 230];

export interface CaseMarker {
  compoundId: string;
  position: [number, number];
  open: number;
  overdue: number;
  /** Metres: the ring's, and the overdue core's (0 when none is overdue). */
  radius: number;
  coreRadius: number;
}

export const NO_MARKERS: CaseMarker[] = [];

const MIN_RADIUS_M = 18;
const MAX_RADIUS_M = 60;

/** Metres: from MIN_RADIUS_M for one case to MAX_RADIUS_M for the most any compound has, by area. */
export function markerRadius(count: number, most: number): number {
  return count <= 0 ? 0 : MIN_RADIUS_M + (MAX_RADIUS_M - MIN_RADIUS_M) * Math.sqrt(count / Math.max(1, most));
}

/** Compounds with cases open (both sources together), at their label points. */
export function caseMarkers(compounds: readonly CasePlaceView[], labelPoints: ReadonlyMap<string, readonly [number, number]>): CaseMarker[] {
  const most = compounds.reduce((max, { grid, hotline }) => Math.max(max, grid.open + hotline.open), 0);
  const markers: CaseMarker[] = [];
  for (const { id, grid, hotline } of compounds) {
    const open = grid.open + hotline.open;
    const overdue = grid.overdue + hotline.overdue;
    const point = labelPoints.get(id);
    if (open === 0 || !point) continue;
    const radius = markerRadius(open, most);
    markers.push({ compoundId: id, position: [point[0], point[1]], open, overdue, radius, coreRadius: markerRadius(overdue, most) * 0.6 });
  }
  return markers.length === 0 ? NO_MARKERS : markers;
}

/** Whether two marker lists draw the same rings (same compounds, counts and sizes). */
export function sameMarkers(a: readonly CaseMarker[], b: readonly CaseMarker[]): boolean {
  return (
    a.length === b.length &&
    a.every((marker, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        marker.compoundId === other.compoundId &&
        marker.open === other.open &&
        marker.overdue === other.overdue &&
        marker.radius === other.radius
      );
    })
  );
}

const OPEN_LAYER_ID = 'case-open';

export function caseMarkerLayers(markers: CaseMarker[], scale: number) {
  const overdue = markers.filter((marker) => marker.overdue > 0);
  return [
    new ScatterplotLayer<CaseMarker>({
      id: OPEN_LAYER_ID,
      data: markers,
      getPosition: (m) => m.position,
      getRadius: (m) => m.radius,
      radiusUnits: 'meters',
      radiusMinPixels: 6 * scale,
      filled: false,
      stroked: true,
      getLineColor: OPEN_COLOR,
      lineWidthUnits: 'pixels',
      getLineWidth: 3 * scale,
      parameters: OVERLAY_PARAMETERS,
    }),
    new ScatterplotLayer<CaseMarker>({
      id: 'case-overdue',
      data: overdue,
      getPosition: (m) => m.position,
      getRadius: (m) => m.coreRadius,
      radiusUnits: 'meters',
      radiusMinPixels: 3 * scale,
      getFillColor: OVERDUE_COLOR,
      parameters: OVERLAY_PARAMETERS,
    }),
  ];
}

/** The markers a layer list draws (for the browser tests' hook). */
export function drawnCaseMarkers(layers: readonly Layer[]): CaseMarker[] {
  const layer = layers.find((candidate) => candidate.id === OPEN_LAYER_ID);
  const data = layer?.props.data;
  return Array.isArray(data) ? (data as CaseMarker[]) : [];
}
