// GCJ-02 ("Mars coordinates", used by Amap and most Chinese map APIs) ⇄ WGS84.
// The forward offset is the widely published formula; there is no closed-form inverse, so
// gcj02ToWgs84 solves it by fixed-point iteration. Pure and dependency-free: the relay and
// the browser both use it.

const KRASOVSKY_A = 6378245.0; // semi-major axis of the Krasovsky 1940 ellipsoid the formula uses
const KRASOVSKY_EE = 0.006693421622965943; // its first eccentricity squared

/** GCJ-02 is only applied inside (a rectangle around) China; elsewhere it equals WGS84. */
function outsideChina(lng: number, lat: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function latitudeOffset(x: number, y: number): number {
  let d = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  d += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  d += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  d += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y / 30) * Math.PI)) * 2) / 3;
  return d;
}

function longitudeOffset(x: number, y: number): number {
  let d = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  d += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  d += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  d += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return d;
}

/** WGS84 → GCJ-02, in degrees. Identity outside China. */
export function wgs84ToGcj02(lng: number, lat: number): [number, number] {
  if (outsideChina(lng, lat)) return [lng, lat];
  const radLat = (lat / 180) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat =
    (latitudeOffset(lng - 105, lat - 35) * 180) /
    (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng =
    (longitudeOffset(lng - 105, lat - 35) * 180) /
    ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}

const INVERSE_TOLERANCE_DEG = 1e-10;
const INVERSE_MAX_STEPS = 30;

/**
 * GCJ-02 → WGS84, in degrees. The offset varies slowly (a few hundred metres over the whole
 * country), so subtracting the residual converges in a handful of steps to far below 1e-7°.
 */
export function gcj02ToWgs84(lng: number, lat: number): [number, number] {
  if (outsideChina(lng, lat)) return [lng, lat];
  let wgsLng = lng;
  let wgsLat = lat;
  for (let step = 0; step < INVERSE_MAX_STEPS; step++) {
    const [gcjLng, gcjLat] = wgs84ToGcj02(wgsLng, wgsLat);
    const errLng = gcjLng - lng;
    const errLat = gcjLat - lat;
    wgsLng -= errLng;
    wgsLat -= errLat;
    if (Math.abs(errLng) < INVERSE_TOLERANCE_DEG && Math.abs(errLat) < INVERSE_TOLERANCE_DEG) break;
  }
  return [wgsLng, wgsLat];
}
