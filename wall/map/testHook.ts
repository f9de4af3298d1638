// What browser tests read from the running map (window.__wallTest): where a compound is on the
// screen, which view the map was given, which beacons stand, which names the labels draw and where, how
// many frames the map has drawn (to wait for a still picture, and for frame-rate ratios), where
// the camera is, and which compounds carry rings of open grid and hotline cases.
// Read-only: nothing here changes what the wall shows.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LngLat } from '../../geo/packIndex.ts';
import type { DrawnLabelBox } from '../layers/labels.ts';

export interface WallTestHook {
  /** CSS pixels from the map's top-left corner of a compound's label point. */
  compoundOnScreen(compoundId: string): { x: number; y: number } | null;
  compoundIds(): string[];
  /** seq of the relay view the map was last given; null before the first snapshot. */
  seq(): number | null;
  beacons(): string[];
  /** The texts of the map's labels, as drawn now. */
  labels(): string[];
  /** Where the map's labels are on the screen, in CSS pixels, as deck.gl laid them out. */
  labelBoxes(): DrawnLabelBox[];
  /** Compounds with a ring of open cases, as drawn now, with their open and overdue counts. */
  caseMarkers(): { compoundId: string; open: number; overdue: number }[];
  frames(): number;
  /** Where the camera is now (it moves during fly-tos). */
  camera(): { center: [number, number]; zoom: number; pitch: number; bearing: number; moving: boolean };
}

declare global {
  interface Window {
    __wallTest?: WallTestHook;
  }
}

/** What the map component knows and the map itself does not. */
export type MapComponentProbe = Pick<WallTestHook, 'seq' | 'beacons' | 'labels' | 'labelBoxes' | 'caseMarkers'>;

export function exposeMapForTests(map: MapLibreMap, labelPoints: ReadonlyMap<string, LngLat>, probe: MapComponentProbe): () => void {
  let frames = 0;
  const countFrame = () => frames++;
  map.on('render', countFrame);
  window.__wallTest = {
    compoundOnScreen(compoundId) {
      const point = labelPoints.get(compoundId);
      if (!point) return null;
      const { x, y } = map.project(point);
      return { x, y };
    },
    compoundIds: () => [...labelPoints.keys()],
    ...probe,
    frames: () => frames,
    camera: () => {
      const { lng, lat } = map.getCenter();
      return { center: [lng, lat], zoom: map.getZoom(), pitch: map.getPitch(), bearing: map.getBearing(), moving: map.isMoving() };
    },
  };
  return () => {
    map.off('render', countFrame);
    delete window.__wallTest;
  };
}
