import { describe, expect, it } from 'vitest';
import { SINGLE_SCREEN, shapeFromSearch, wallGeometryFrom } from '../../../../wall/layout/wallGeometry.ts';

describe("the video wall's shape", () => {
  it('isOneScreenTheSizeOfTheWindowWhenNothingSaysOtherwise', () => {
    expect(wallGeometryFrom([{ name: 'URL parameter', shape: shapeFromSearch('?lang=en') }])).toEqual({ geometry: SINGLE_SCREEN, warnings: [] });
  });

  it('readsTheUrl', () => {
    const { geometry, warnings } = wallGeometryFrom([{ name: 'URL parameter', shape: shapeFromSearch('?wall=7680x2160&grid=4x2&bezel=12&dpr=1') }]);
    expect(geometry).toEqual({ size: { width: 7680, height: 2160 }, cols: 4, rows: 2, bezel: 12, dpr: 1 });
    expect(warnings).toEqual([]);
  });

  it('letsTheUrlOverrideTheRelayOneSettingAtATime', () => {
    const { geometry } = wallGeometryFrom([
      { name: 'relay setting', shape: { wall: '3840x1080', grid: '2x1', bezel: 20, dpr: null } },
      { name: 'URL parameter', shape: shapeFromSearch('?grid=2x2') },
    ]);
    expect(geometry).toEqual({ size: { width: 3840, height: 1080 }, cols: 2, rows: 2, bezel: 20, dpr: null });
  });

  it('ignoresEachBadValueWithOneLineNamingItAndKeepsTheRest', () => {
    const bad = ['wall=7680', 'wall=100x100', 'grid=0x2', 'grid=4x2.5', 'grid=17x1', 'bezel=-3', 'bezel=1.5', 'bezel=abc', 'dpr=9', 'dpr=0'];
    for (const param of bad) {
      const { geometry, warnings } = wallGeometryFrom([{ name: 'URL parameter', shape: shapeFromSearch(`?${param}&grid=3x1`) }]);
      const key = param.split('=')[0]!;
      if (key !== 'grid') expect(geometry.cols).toBe(3);
      expect(warnings, param).toHaveLength(1);
      expect(warnings[0]).toMatch(new RegExp(`^wall: URL parameter ${key}=\\S* ignored \\(expected .+\\)$`));
    }
  });

  it('acceptsTheUsualWaysOfWritingASize', () => {
    for (const text of ['7680x2160', '7680X2160', '7680×2160', ' 7680 x 2160 ']) {
      expect(wallGeometryFrom([{ name: 'URL parameter', shape: { wall: text } }]).geometry.size).toEqual({ width: 7680, height: 2160 });
    }
  });
});
