// The drawing buffer's pixels per CSS pixel. A video wall's PC may not manage 2× at 7680×2160,
// so `?dpr=` caps it (e.g. `?dpr=1`); without it the screen's own ratio is used, at most 2.

export const DEFAULT_MAX_PIXEL_RATIO = 2;
const ALLOWED = { min: 0.25, max: 4 } as const;

export interface PixelRatioChoice {
  pixelRatio: number;
  /** One line to log when `?dpr=` had to be ignored; null when all was well. */
  warning: string | null;
}

export function pixelRatioFrom(search: string, deviceRatio: number): PixelRatioChoice {
  const fallback = Math.min(deviceRatio > 0 ? deviceRatio : 1, DEFAULT_MAX_PIXEL_RATIO);
  const raw = new URLSearchParams(search).get('dpr');
  if (raw === null || raw.trim() === '') return { pixelRatio: fallback, warning: null };
  const value = Number(raw);
  if (Number.isFinite(value) && value >= ALLOWED.min && value <= ALLOWED.max) return { pixelRatio: value, warning: null };
  return {
    pixelRatio: fallback,
    warning: `wall: ?dpr=${raw} ignored (expected a number from ${ALLOWED.min} to ${ALLOWED.max}); using ${fallback}`,
  };
}
