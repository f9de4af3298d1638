import { bbox } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { createCompoundLocator } from '../../../geo/compoundLocator.ts';
import { loadPack } from '../../../geo/loadPack.ts';
import { buildPackIndex } from '../../../geo/packIndex.ts';
import { at, buildGridPack, COLUMNS, CELL_WIDTH_M, gridCompounds, STREET_HALF_WIDTH_M } from './fixtures/gridPack.ts';

const compounds = buildGridPack().compounds.features;
const pack = await loadPack();
const cells = gridCompounds();

describe('compound locator', () => {
  const locator = createCompoundLocator(compounds);

  it('attributes the middle of every compound to that compound', () => {
    for (const { id, cell } of cells) {
      const [lng, lat] = at((cell.west + cell.east) / 2, (cell.south + cell.north) / 2);
      expect(locator.locate(lng, lat)).toBe(id);
    }
  });

  it('attributes a point just inside a corner to that compound', () => {
    const { cell } = cells[40] ?? cells[0]!;
    const [lng, lat] = at(cell.west + STREET_HALF_WIDTH_M + 1, cell.north - STREET_HALF_WIDTH_M - 1);
    expect(locator.locate(lng, lat)).toBe(cells[40]?.id);
  });

  it('snaps a point on the street between two compounds to the nearer one', () => {
    // SQ-C05 and SQ-C06 are stacked in one column; the street between them is 24 m wide.
    const lower = cells[4]!;
    const upper = cells[5]!;
    const middle = (lower.cell.west + lower.cell.east) / 2;
    const [lng, lat] = at(middle, lower.cell.north + 3); // 9 m from SQ-C06, 15 m from SQ-C05
    expect(locator.locate(lng, lat)).toBe(upper.id);
    const [lng2, lat2] = at(middle, lower.cell.north - 3);
    expect(locator.locate(lng2, lat2)).toBe(lower.id);
  });

  it('leaves a street point unattributed when snapping is off', () => {
    const [lng, lat] = at(CELL_WIDTH_M, 100); // on the street between columns 0 and 1
    expect(createCompoundLocator(compounds, { snapMetres: 0 }).locate(lng, lat)).toBeNull();
    expect(locator.locate(lng, lat)).not.toBeNull();
  });

  it('snaps only within the configured distance', () => {
    const [lng, lat] = at(-150, 100); // 162 m west of SQ-C01's west edge
    expect(locator.locate(lng, lat)).toBeNull();
    expect(createCompoundLocator(compounds, { snapMetres: 200 }).locate(lng, lat)).toBe('SQ-C01');
  });

  it('returns null far outside the sub-district and for non-finite input', () => {
    expect(locator.locate(116.397, 39.909)).toBeNull(); // Beijing
    const [east, north] = at(COLUMNS * CELL_WIDTH_M + 500, 2000);
    expect(locator.locate(east, north)).toBeNull();
    expect(locator.locate(Number.NaN, 31.25)).toBeNull();
    expect(createCompoundLocator([]).locate(121.41, 31.25)).toBeNull();
  });

});

describe('compound locator on the committed pack', () => {
  const locator = createCompoundLocator(pack.compounds.features);

  it("attributes each compound's label point to that compound", () => {
    for (const [id, [lng, lat]] of buildPackIndex(pack).labelPoints) expect(locator.locate(lng, lat)).toBe(id);
  });

  it('measures lookups per second (reported, not asserted)', () => {
    const [west, south, east, north] = bbox(pack.boundary);
    // A fixed pseudo-random sequence over the boundary's bbox, so runs are comparable.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const points = Array.from({ length: 50_000 }, () => [
      west + next() * (east - west),
      south + next() * (north - south),
    ]);
    let found = 0;
    const started = performance.now();
    for (const [lng, lat] of points) if (locator.locate(lng!, lat!) !== null) found++;
    const perSecond = Math.round(points.length / ((performance.now() - started) / 1000));
    console.info(`compound locator: ${perSecond} lookups/s (${found} of ${points.length} random points attributed)`);
    expect(found).toBeGreaterThan(points.length / 4);
  });
});
