// Pixel statistics of a screenshot, so browser tests judge what a person would see.
import { PNG } from 'pngjs';

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PixelStats {
  /** Share of pixels whose colour differs from the region's most common (background) colour. */
  nonBackgroundShare: number;
  /** Distinct colours after quantising each channel to 32 levels. */
  distinctColours: number;
}

export function decodePng(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

export function pixelStats(png: PNG, region: Region = { x: 0, y: 0, width: png.width, height: png.height }): PixelStats {
  const counts = new Map<number, number>();
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      const i = (y * png.width + x) * 4;
      const key = ((png.data[i]! >> 3) << 10) | ((png.data[i + 1]! >> 3) << 5) | (png.data[i + 2]! >> 3);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const backgroundCount = Math.max(...counts.values());
  return {
    nonBackgroundShare: 1 - backgroundCount / (region.width * region.height),
    distinctColours: counts.size,
  };
}
