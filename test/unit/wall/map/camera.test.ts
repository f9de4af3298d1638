import { describe, expect, it } from 'vitest';
import type { FitBoundsOptions, FlyToOptions } from 'maplibre-gl';
import { HOME_VIEW, flyToCompound, resetView, type CameraMap } from '../../../../wall/map/camera.ts';
import { CameraDirector } from '../../../../wall/map/cameraDirector.svelte.ts';

const BOUNDS: [number, number, number, number] = [121.40, 31.24, 121.43, 31.26];
const POINTS = new Map<string, [number, number]>([['SQ-C02', [121.418, 31.248]]]);

function fakeMap(homeZoom: number) {
  const flights: FlyToOptions[] = [];
  const fits: [unknown, FitBoundsOptions | undefined][] = [];
  const map: CameraMap = {
    flyTo: (options) => (flights.push(options), map) as never,
    fitBounds: (bounds, options) => (fits.push([bounds, options]), map) as never,
    cameraForBounds: () => ({ zoom: homeZoom }),
  };
  return { map, flights, fits };
}

describe('camera moves for the alarm queue and the tour', () => {
  it('does nothing and says so before the map is up', () => {
    expect(flyToCompound(null, 'SQ-C02')).toBe(false);
    expect(resetView(null)).toBe(false);
  });

  it('flies to a compound, closer in than the whole-district view and tilted', () => {
    const { map, flights } = fakeMap(15);
    expect(flyToCompound({ map, bounds: BOUNDS, labelPoints: POINTS }, 'SQ-C02')).toBe(true);
    expect(flights).toHaveLength(1);
    expect(flights[0]).toMatchObject({ center: [121.418, 31.248], bearing: HOME_VIEW.bearing });
    expect(flights[0]!.zoom).toBeGreaterThan(15);
    expect(flights[0]!.pitch).toBeGreaterThan(HOME_VIEW.pitch);
  });

  it('refuses an unknown compound with one line naming it', () => {
    const { map } = fakeMap(15);
    expect(() => flyToCompound({ map, bounds: BOUNDS, labelPoints: POINTS }, 'SQ-C99')).toThrow(/^camera: no compound "SQ-C99" in the geography pack$/);
  });

  it('flies back to the whole sub-district with the home tilt and bearing', () => {
    const { map, fits } = fakeMap(15);
    expect(resetView({ map, bounds: BOUNDS, labelPoints: POINTS })).toBe(true);
    expect(fits[0]?.[0]).toEqual(BOUNDS);
    expect(fits[0]?.[1]).toMatchObject(HOME_VIEW);
  });

  it('the director flies the map attached to it, and stops once it is detached', () => {
    const { map, flights } = fakeMap(15);
    const director = new CameraDirector();
    const detach = director.attach({ map, bounds: BOUNDS, labelPoints: POINTS });
    director.interrupt('alarm', 'SQ-C02');
    expect(flights).toHaveLength(1);
    detach();
    director.resume('alarm');
    director.interrupt('alarm', 'SQ-C02');
    expect(flights).toHaveLength(1);
  });

  it('the director tells its listeners of each interruption and its end, as it happens', () => {
    const director = new CameraDirector(() => true);
    const heard: boolean[] = [];
    const unwatch = director.watchInterruptions((interrupted) => heard.push(interrupted));
    director.interrupt('alarm', 'SQ-C02');
    director.resume('someone else');
    director.resume('alarm');
    director.interrupt('alarm', 'SQ-C02');
    director.resume('alarm');
    unwatch();
    director.interrupt('alarm', 'SQ-C02');
    expect(heard).toEqual([true, false, true, false]);
  });
});
