// Camera moves other parts of the wall ask for (the alarm queue's fly-to, the leaders' tour):
// fly to a compound, and back to the whole sub-district. The map registers its scene with the
// camera director (cameraDirector.svelte.ts) once it exists; until then (scene null) the moves
// report that nothing happened.
import type { CameraForBoundsOptions, FlyToOptions, Map as MapLibreMap } from 'maplibre-gl';
import type { LngLat } from '../../geo/packIndex.ts';
import type { Keyframe } from './cameraDirector.svelte.ts';

/** The whole sub-district, tilted so the buildings read as 3D. */
export const HOME_VIEW = { padding: 40, pitch: 50, bearing: -12 } as const satisfies CameraForBoundsOptions;

const COMPOUND_VIEW = { zoomIn: 1.8, pitch: 60, durationMs: 3_000 } as const;
const HOME_DURATION_MS = 2_500;

export type CameraMap = Pick<MapLibreMap, 'flyTo' | 'fitBounds' | 'cameraForBounds'>;

export interface CameraScene {
  map: CameraMap;
  /** [west, south, east, north] of the sub-district. */
  bounds: [number, number, number, number];
  labelPoints: ReadonlyMap<string, LngLat>;
}

/** Close enough to tell the compound's buildings apart, whatever the screen's size. */
export function compoundFlight(center: LngLat, homeZoom: number): FlyToOptions {
  return {
    center,
    zoom: homeZoom + COMPOUND_VIEW.zoomIn,
    pitch: COMPOUND_VIEW.pitch,
    bearing: HOME_VIEW.bearing,
    duration: COMPOUND_VIEW.durationMs,
    essential: true,
  };
}

/** Flies to a compound of the pack; false when the map is not up yet. Throws for an unknown id. */
export function flyToCompound(scene: CameraScene | null, compoundId: string): boolean {
  if (!scene) return false;
  const center = scene.labelPoints.get(compoundId);
  if (!center) throw new Error(`camera: no compound "${compoundId}" in the geography pack`);
  const home = scene.map.cameraForBounds(scene.bounds, HOME_VIEW);
  if (home?.zoom === undefined) return false;
  scene.map.flyTo(compoundFlight(center, home.zoom));
  return true;
}

/** Flies to a tour keyframe (zoom relative to the home view); false when the map is not up yet. */
export function flyToKeyframe(scene: CameraScene | null, keyframe: Keyframe): boolean {
  if (!scene) return false;
  const home = scene.map.cameraForBounds(scene.bounds, HOME_VIEW);
  if (home?.zoom === undefined) return false;
  scene.map.flyTo({
    center: keyframe.center,
    zoom: home.zoom + keyframe.zoomIn,
    pitch: keyframe.pitch,
    bearing: keyframe.bearing,
    duration: keyframe.durationMs,
    essential: true,
  });
  return true;
}

/** Flies back to the whole sub-district; false when the map is not up yet. */
export function resetView(scene: CameraScene | null): boolean {
  if (!scene) return false;
  scene.map.fitBounds(scene.bounds, { ...HOME_VIEW, duration: HOME_DURATION_MS, essential: true });
  return true;
}
