// A flat metric frame around the sub-district (x east, y north, metres). Over 3 km the
// distortion is far below the pack's 6-decimal rounding, and because the mapping is affine,
// straight lines and rectangles stay straight lines and rectangles in lon/lat.
import type { Position } from 'geojson';

export type XY = [number, number];

export interface LocalFrame {
  toXY(p: Position): XY;
  toLonLat(p: XY): [number, number];
}

export function frameAround(origin: Position): LocalFrame {
  const [lon0 = 0, lat0 = 0] = origin;
  const phi = (lat0 * Math.PI) / 180;
  // Series for the length of a degree on the WGS84 ellipsoid.
  const mPerLat = 111132.954 - 559.822 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
  const mPerLon = 111412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi) + 0.118 * Math.cos(5 * phi);
  return {
    toXY: ([lon = 0, lat = 0]) => [(lon - lon0) * mPerLon, (lat - lat0) * mPerLat],
    toLonLat: ([x, y]) => [lon0 + x / mPerLon, lat0 + y / mPerLat],
  };
}
