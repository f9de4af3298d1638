import { describe, expect, it } from 'vitest';
import type { Rect } from '../../../../wall/layout/rect.ts';
import { SINGLE_SCREEN, type WallGeometry } from '../../../../wall/layout/wallGeometry.ts';
import { remFor, wallLayout, type PanelId } from '../../../../wall/layout/wallLayout.ts';

const ALL_PANELS: PanelId[] = ['sources', 'kinds', 'incidents', 'freshness', 'feed', 'trends', 'places'];

const inside = (inner: Rect, outer: Rect) =>
  inner.left >= outer.left - 1e-6 &&
  inner.top >= outer.top - 1e-6 &&
  inner.left + inner.width <= outer.left + outer.width + 1e-6 &&
  inner.top + inner.height <= outer.top + outer.height + 1e-6;

/** More than a rounding error in common. */
const overlap = (a: Rect, b: Rect, e = 0.01) =>
  a.left + e < b.left + b.width && b.left + e < a.left + a.width && a.top + e < b.top + b.height && b.top + e < a.top + a.height;

const WALLS: [string, { width: number; height: number }, WallGeometry][] = [
  ['one HD screen', { width: 1920, height: 1080 }, SINGLE_SCREEN],
  ['one 8K-wide screen', { width: 7680, height: 2160 }, SINGLE_SCREEN],
  ['4×2 with 12 px bezels', { width: 7680, height: 2160 }, { size: null, cols: 4, rows: 2, bezel: 12, dpr: null }],
  ['2×1 with 20 px bezels', { width: 3840, height: 1080 }, { size: null, cols: 2, rows: 1, bezel: 20, dpr: null }],
  ['3×3 of 4K', { width: 11_520, height: 6_480 }, { size: null, cols: 3, rows: 3, bezel: 8, dpr: null }],
  ['1×2 portrait stack', { width: 1080, height: 3840 }, { size: null, cols: 1, rows: 2, bezel: 10, dpr: null }],
];

describe('the video-wall layout', () => {
  for (const [name, size, geometry] of WALLS) {
    describe(name, () => {
      const layout = wallLayout(size, geometry);
      const everyBox = [
        ...layout.strips.map((strip) => ['strip', strip.rect] as const),
        ...layout.columns.map((column) => [`column ${column.side} ${column.panels.join(',')}`, column.rect] as const),
        ...Object.entries(layout.slots).map(([slot, rect]) => [slot, rect] as const),
      ];

      it('putsEveryBoxWithTextInsideOneScreenClearOfTheBezels', () => {
        expect(layout.screens).toHaveLength(geometry.cols * geometry.rows);
        for (const [what, rect] of everyBox) {
          expect(layout.screens.some((screen) => inside(rect, screen)), what).toBe(true);
        }
        const seamsX = Array.from({ length: geometry.cols - 1 }, (_, k) => ((k + 1) * size.width) / geometry.cols);
        const seamsY = Array.from({ length: geometry.rows - 1 }, (_, k) => ((k + 1) * size.height) / geometry.rows);
        const e = 1e-6;
        for (const [what, rect] of everyBox) {
          for (const x of seamsX) expect(rect.left + rect.width <= x - geometry.bezel + e || rect.left >= x + geometry.bezel - e, `${what} x=${x}`).toBe(true);
          for (const y of seamsY) expect(rect.top + rect.height <= y - geometry.bezel + e || rect.top >= y + geometry.bezel - e, `${what} y=${y}`).toBe(true);
        }
      });

      it('showsEveryPanelOnceAndKeepsTheOverlaysApart', () => {
        expect(layout.columns.flatMap((column) => column.panels).sort()).toEqual([...ALL_PANELS].sort());
        const apart = everyBox.filter(([what]) => what !== 'waiting');
        // The case panel steps aside while a tour plays: it lies at the foot of the tour's band.
        const shared = (a: string, b: string) => [a, b].sort().join('/') === 'cases/tour';
        for (const [i, [a, ra]] of apart.entries()) {
          for (const [b, rb] of apart.slice(i + 1)) {
            if (ra.width > 0 && rb.width > 0 && ra.height > 0 && rb.height > 0 && !shared(a, b)) expect(overlap(ra, rb), `${a} / ${b}`).toBe(false);
          }
        }
        expect(inside(layout.slots.cases, layout.slots.tour)).toBe(true);
      });

      it('leavesTheOverlaysRoomToShowSomething', () => {
        for (const slot of ['alarms', 'tour', 'replay', 'perf', 'legend', 'attribution', 'cases'] as const) {
          expect(layout.slots[slot].width, slot).toBeGreaterThan(layout.remPx * 10);
          expect(layout.slots[slot].height, slot).toBeGreaterThan(layout.remPx);
        }
      });
    });
  }

  it('sizesTheRemFromOneScreenSoEachScreenReadsLikeABigScreen', () => {
    expect(remFor({ width: 1920, height: 1080 })).toBeCloseTo(17.28);
    expect(wallLayout({ width: 7680, height: 2160 }, { ...SINGLE_SCREEN, cols: 4, rows: 2 }).remPx).toBeCloseTo(17.28);
    expect(wallLayout({ width: 7680, height: 2160 }, SINGLE_SCREEN).remPx).toBeCloseTo(34.56);
  });

  it('splitsTheTitleBarSoTheTitleAvoidsTheMiddleSeamOfAnEvenWall', () => {
    const layout = wallLayout({ width: 7680, height: 2160 }, { size: null, cols: 4, rows: 2, bezel: 12, dpr: null });
    expect(layout.strips.map((strip) => strip.parts)).toEqual([['clock'], ['title'], [], ['status']]);
    expect(wallLayout({ width: 1920, height: 1080 }, SINGLE_SCREEN).strips.map((strip) => strip.parts)).toEqual([['clock', 'title', 'status']]);
  });
});
