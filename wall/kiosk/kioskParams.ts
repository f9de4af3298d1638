// What the kiosk reads from the wall's URL: how often it looks for a new build (`?buildCheckMs=`)
// and the JS heap size past which the watchdog reloads the page (`?heapLimitMB=`). Tests shorten
// both; a command centre keeps the defaults.
export const BUILD_CHECK_MS = 30_000;
export const HEAP_LIMIT_MB = 1_500;
/** Asking the relay for index.html more often than this would be load for nothing. */
export const MIN_BUILD_CHECK_MS = 250;

export interface KioskParams {
  buildCheckMs: number;
  heapLimitBytes: number;
}

function positive(value: string | null): number | null {
  const number = value === null || value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(number) && number > 0 ? number : null;
}

export function readKioskParams(search: string): KioskParams {
  const params = new URLSearchParams(search);
  const buildCheckMs = Math.max(MIN_BUILD_CHECK_MS, positive(params.get('buildCheckMs')) ?? BUILD_CHECK_MS);
  const heapLimitMB = positive(params.get('heapLimitMB')) ?? HEAP_LIMIT_MB;
  return { buildCheckMs, heapLimitBytes: heapLimitMB * 1024 * 1024 };
}
