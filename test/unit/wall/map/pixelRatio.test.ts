import { describe, expect, it } from 'vitest';
import { MAX_CANVAS_SIDE, pixelRatioFor } from '../../../../wall/map/pixelRatio.ts';

const HD = { width: 1920, height: 1080 };

describe('the map pixel ratio', () => {
  it("uses the screen's ratio, capped at 2, when the wall sets no dpr", () => {
    expect(pixelRatioFor(null, 1, HD)).toBe(1);
    expect(pixelRatioFor(null, 3, HD)).toBe(2);
    expect(pixelRatioFor(null, 0, HD)).toBe(1);
  });

  it("takes the wall's dpr as given, below or above the default cap", () => {
    expect(pixelRatioFor(0.5, 2, HD)).toBe(0.5);
    expect(pixelRatioFor(3, 1, HD)).toBe(3);
  });

  it('keeps the canvas within the largest maplibre may allocate', () => {
    expect(pixelRatioFor(2, 2, { width: 7680, height: 2160 })).toBe(2);
    const ratio = pixelRatioFor(null, 2, { width: 11_520, height: 6_480 });
    expect(ratio * 11_520).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(ratio).toBeGreaterThan(1.4);
  });
});
