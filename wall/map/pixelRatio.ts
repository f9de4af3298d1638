// The map's drawing-buffer pixels per CSS pixel. A video wall's PC may not manage 2× at 7680×2160,
// so the wall's `dpr` setting caps it (e.g. `?dpr=1`); without it the screen's own ratio is used,
// at most 2. Whatever the setting, the canvas stays within what maplibre is allowed to allocate,
// so a very large wall gets a lower ratio instead of a blurred, stretched map.

export const DEFAULT_MAX_PIXEL_RATIO = 2;
/** maplibre's maxCanvasSize for every wall (its 4096 px default would blur a video wall). */
export const MAX_CANVAS_SIDE = 16_384;

export function pixelRatioFor(dpr: number | null, deviceRatio: number, cssSize: { width: number; height: number }): number {
  const wanted = dpr ?? Math.min(deviceRatio > 0 ? deviceRatio : 1, DEFAULT_MAX_PIXEL_RATIO);
  const longest = Math.max(cssSize.width, cssSize.height, 1);
  return Math.min(wanted, MAX_CANVAS_SIDE / longest);
}
