import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildPackIndex } from '../../../geo/packIndex.ts';
import { at, buildGridPack, CELL_WIDTH_M, gridCompounds } from './fixtures/gridPack.ts';

describe('pack index', () => {
  const pack = buildGridPack();
  const index = buildPackIndex(pack);

  it('finds compounds, committees and areas by id', () => {
    expect(index.compounds.get('SQ-C42')?.properties.id).toBe('SQ-C42');
    expect(index.committees.get('SQ-R26')?.properties.id).toBe('SQ-R26');
    expect(index.areas.get('SQ-A2')?.properties.nameEn).toBe('Area 2');
    expect(index.compounds.get('SQ-C81')).toBeUndefined();
  });

  it('lists the compounds of each committee and each area', () => {
    expect(index.compoundsOfCommittee.get('SQ-R01')?.map((c) => c.properties.id)).toEqual([
      'SQ-C01',
      'SQ-C02',
      'SQ-C03',
      'SQ-C04',
    ]);
    // 片区 1 is columns 0–4: committees R01–R10, two of them with 4 compounds.
    expect(index.compoundsOfArea.get('SQ-A1')).toHaveLength(4 + 4 + 8 * 3);
    const total = [...index.compoundsOfArea.values()].reduce((n, list) => n + list.length, 0);
    expect(total).toBe(80);
  });

  it("gives each compound's committee", () => {
    for (const { id, committeeId } of gridCompounds()) {
      expect(index.committeeOfCompound.get(id)?.properties.id).toBe(committeeId);
    }
  });

  it('puts the centroid of a rectangular compound at its middle', () => {
    const first = gridCompounds()[0];
    const [lng, lat] = index.centroids.get('SQ-C01') ?? [NaN, NaN];
    const [expectedLng, expectedLat] = at(CELL_WIDTH_M / 2, ((first?.cell.north ?? 0) + (first?.cell.south ?? 0)) / 2);
    expect(lng).toBeCloseTo(expectedLng, 7);
    expect(lat).toBeCloseTo(expectedLat, 7);
  });

  it('puts the label point inside a U-shaped compound whose centroid is outside it', () => {
    const uShape: Polygon = {
      type: 'Polygon',
      coordinates: [
        [at(0, 0), at(300, 0), at(300, 300), at(250, 300), at(250, 50), at(50, 50), at(50, 300), at(0, 300), at(0, 0)],
      ],
    };
    const withU = buildGridPack();
    const target = withU.compounds.features[0];
    if (!target) throw new Error('fixture has no compounds');
    target.geometry = uShape;
    const uIndex = buildPackIndex(withU);
    const centroid = uIndex.centroids.get('SQ-C01') ?? [0, 0];
    const label = uIndex.labelPoints.get('SQ-C01') ?? [0, 0];
    expect(booleanPointInPolygon(centroid, uShape)).toBe(false);
    expect(booleanPointInPolygon(label, uShape)).toBe(true);
  });

  it('keeps the label point at the centroid of a convex compound', () => {
    expect(index.labelPoints.get('SQ-C10')).toEqual(index.centroids.get('SQ-C10'));
  });

  it('spans every file in its bbox, including features outside the boundary', () => {
    const [west, south, east, north] = index.bbox;
    // The fixture's green strip lies 20–60 m west of the boundary, the railway 20 m north of it.
    expect(west).toBeCloseTo(at(-60, 0)[0], 9);
    expect(north).toBeCloseTo(at(0, 2 * 882 + 20)[1], 9);
    expect(south).toBeCloseTo(at(0, 0)[1], 9);
    expect(east).toBeCloseTo(at(13 * CELL_WIDTH_M, 0)[0], 9);
  });
});
