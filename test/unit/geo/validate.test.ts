import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { area, transformScale } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../geo/loadPack.ts';
import { buildPackIndex } from '../../../geo/packIndex.ts';
import type { Compound, GeoPack, PackFileKey } from '../../../geo/schema.ts';
import { formatProblem } from '../../../geo/validation/problem.ts';
import { validatePack } from '../../../geo/validation/validatePack.ts';
import { buildGridPack } from './fixtures/gridPack.ts';
import { writePack } from './fixtures/writePack.ts';

// The committed pack, which the corruptions start from.
const COMMITTED = await loadPack();

/** A deep copy to corrupt; the original stays valid for the next test. */
const copy = (): GeoPack => structuredClone(COMMITTED);

const problemsOf = (pack: GeoPack | Record<PackFileKey, unknown>) =>
  validatePack(pack as Record<PackFileKey, unknown>).map(formatProblem);

function compoundAt(pack: GeoPack, index: number): Compound {
  const compound = pack.compounds.features[index];
  if (!compound) throw new Error(`the pack has no compound #${index}`);
  return compound;
}

function shiftPolygon(polygon: Polygon, dLng: number, dLat: number): void {
  polygon.coordinates = polygon.coordinates.map((ring) => ring.map(([lng, lat]) => [lng! + dLng, lat! + dLat]));
}

/** Moves compound `index` (and its buildings) so that its centroid lands on `target`. */
function moveCompound(pack: GeoPack, index: number, target: Position): void {
  const compound = compoundAt(pack, index);
  const [lng, lat] = buildPackIndex(pack).centroids.get(compound.properties.id) ?? [0, 0];
  const [dLng, dLat] = [target[0]! - lng, target[1]! - lat];
  shiftPolygon(compound.geometry, dLng, dLat);
  for (const b of pack.buildings.features) {
    if (b.properties.compoundId === compound.properties.id) shiftPolygon(b.geometry, dLng, dLat);
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A line made of `parts` with a whole number (of m²) between each two. */
const withNumbers = (...parts: string[]) => expect.stringMatching(new RegExp(`^${parts.map(escape).join('\\d+')}$`));
const startingWith = (prefix: string) => expect.stringMatching(new RegExp(`^${escape(prefix)}`));

describe('pack validation', () => {
  it('accepts the committed pack (and reports how long that takes)', () => {
    const started = performance.now();
    expect(problemsOf(copy())).toEqual([]);
    console.info(`validating the committed pack took ${Math.round(performance.now() - started)} ms`);
  });

  it('accepts the grid fixture pack', () => {
    expect(problemsOf(buildGridPack())).toEqual([]);
  });

  describe('rejects a corrupted pack', () => {
    it('with a self-intersecting (bow-tie) compound', () => {
      const pack = copy();
      const c = compoundAt(pack, 7);
      const [x, y] = buildPackIndex(pack).centroids.get(c.properties.id) ?? [0, 0];
      const d = 0.0003;
      c.geometry.coordinates = [[[x - d, y - d], [x + d, y + d], [x + d, y - d], [x - d, y + d], [x - d, y - d]]];
      expect(problemsOf(pack)).toContainEqual(
        `compounds.geojson: ${c.properties.id} self-intersects near (${x.toFixed(6)}, ${y.toFixed(6)})`,
      );
    });

    it('with a compound moved outside the boundary', () => {
      const pack = copy();
      const c = compoundAt(pack, 11);
      const [lng, lat] = buildPackIndex(pack).centroids.get(c.properties.id) ?? [0, 0];
      moveCompound(pack, 11, [lng + 0.05, lat]);
      const outside = Math.round(area(c));
      expect(problemsOf(pack)).toContainEqual(
        `compounds.geojson: ${c.properties.id} lies outside the boundary (${outside} m² outside)`,
      );
    });

    it("with a compound moved into another committee's polygon", () => {
      const pack = copy();
      const moved = compoundAt(pack, 2);
      const index = buildPackIndex(pack);
      const { id, committeeId, areaId } = moved.properties;
      const elsewhere = pack.compounds.features.find((c) => c.properties.areaId !== areaId);
      moveCompound(pack, 2, index.labelPoints.get(elsewhere?.properties.id ?? '') ?? [0, 0]);
      expect(problemsOf(pack)).toContainEqual(
        withNumbers(`compounds.geojson: ${id} lies outside its committee ${committeeId} (`, ' m² outside)'),
      );
    });

    it('with two compounds overlapping', () => {
      const pack = copy();
      const first = compoundAt(pack, 0);
      const second = compoundAt(pack, 1);
      // Put the second compound inside the first, at half its size: a quarter of its area.
      second.geometry = transformScale(first, 0.5).geometry;
      const overlaps = problemsOf(pack).filter((p) => p.includes(' overlaps '));
      expect(overlaps).toEqual([
        withNumbers(`compounds.geojson: ${first.properties.id} overlaps ${second.properties.id} (`, ' m²)'),
      ]);
      const reported = Number(/\((\d+) m²\)/.exec(overlaps[0] ?? '')?.[1]);
      expect(Math.abs(reported - area(first) / 4)).toBeLessThanOrEqual(1);
    });

    it('with a duplicate compound id', () => {
      const pack = copy();
      const id = compoundAt(pack, 0).properties.id;
      compoundAt(pack, 5).properties.id = id;
      expect(problemsOf(pack)).toContainEqual(
        `compounds.geojson: ${id} is used by 2 features (features[0], features[5])`,
      );
    });

    it('with a compound that has no id', () => {
      const pack = copy();
      delete (compoundAt(pack, 9).properties as Partial<Compound['properties']>).id;
      expect(problemsOf(pack)).toContainEqual('compounds.geojson: features[9] has no id');
    });

    it('with a missing property', () => {
      const pack = copy();
      const c = compoundAt(pack, 3);
      delete (c.properties as Partial<Compound['properties']>).households;
      expect(problemsOf(pack)).toContainEqual(`compounds.geojson: ${c.properties.id} is missing property households`);
    });

    it('with mistyped properties', () => {
      const pack = copy();
      const c = compoundAt(pack, 4);
      c.properties.elderlyShare = 1.4;
      (c.properties as { kind: string }).kind = '别墅';
      const problems = problemsOf(pack);
      const prefix = `compounds.geojson: ${c.properties.id} has property`;
      expect(problems).toContainEqual(startingWith(`${prefix} elderlyShare = 1.4:`));
      expect(problems).toContainEqual(startingWith(`${prefix} kind = "别墅":`));
    });

    it('with 79 compounds', () => {
      const pack = copy();
      pack.compounds.features.pop();
      expect(problemsOf(pack)).toContainEqual('compounds.geojson: has 79 features, expected 80');
    });

    it('with a boundary far too small', () => {
      const pack = copy();
      const [boundary] = pack.boundary.features;
      if (!boundary) throw new Error('no boundary');
      boundary.geometry = transformScale(boundary, 0.3).geometry;
      const km2 = (area(boundary) / 1e6).toFixed(2);
      expect(problemsOf(pack)).toContainEqual(
        `boundary.geojson: ${boundary.properties.id} has area ${km2} km², not within 5 % of the official 3.53 km²`,
      );
    });

    it('with a compound referring to a committee that does not exist', () => {
      const pack = copy();
      const c = compoundAt(pack, 6);
      c.properties.committeeId = 'SQ-R99';
      expect(problemsOf(pack)).toContainEqual(
        `compounds.geojson: ${c.properties.id} refers to committee SQ-R99, which does not exist`,
      );
    });

    it("with a compound whose area is not its committee's", () => {
      const pack = copy();
      const c = compoundAt(pack, 0);
      const { id, committeeId, areaId } = c.properties;
      const otherArea = pack.areas.features.map((a) => a.properties.id).find((other) => other !== areaId) ?? '';
      c.properties.areaId = otherArea;
      expect(problemsOf(pack)).toContainEqual(
        `compounds.geojson: ${id} is in area ${otherArea} but its committee ${committeeId} is in ${areaId}`,
      );
    });

    it('with a building of zero height outside its compound', () => {
      const pack = copy();
      const b = pack.buildings.features[0];
      if (!b) throw new Error('no buildings');
      b.properties.height = 0;
      shiftPolygon(b.geometry, 0.01, 0);
      const problems = problemsOf(pack);
      const { id, compoundId } = b.properties;
      expect(problems).toContainEqual(startingWith(`buildings.geojson: ${id} has property height = 0:`));
      expect(problems).toContainEqual(
        withNumbers(`buildings.geojson: ${id} lies outside its compound ${compoundId} (`, ' m² outside)'),
      );
    });

    it('with an open ring, reporting only structural problems', () => {
      const pack = copy();
      const c = compoundAt(pack, 1);
      const ring = c.geometry.coordinates[0] ?? [];
      const [lng, lat] = ring.at(-1) ?? [0, 0];
      ring[ring.length - 1] = [lng! + 0.0001, lat!];
      c.properties.elderlyShare = 7; // not reported: nothing past the structure is checked
      expect(problemsOf(pack)).toEqual([
        `compounds.geojson: ${c.properties.id} has a malformed geometry: polygon ring 0 is not closed`,
      ]);
    });

    it('with a wrong geometry type and a coordinate out of range', () => {
      const pack = copy();
      const landmark = pack.landmarks.features[0];
      const compound = compoundAt(pack, 0);
      if (!landmark) throw new Error('no landmarks');
      (compound as { geometry: unknown }).geometry = landmark.geometry;
      landmark.geometry.coordinates = [221.4, 31.2];
      expect(problemsOf(pack)).toEqual([
        `compounds.geojson: ${compound.properties.id} has geometry type Point, expected Polygon`,
        `landmarks.geojson: ${landmark.properties.id} has a malformed geometry: [221.4,31.2] is out of lon/lat range`,
      ]);
    });

    it('with a file that is not a FeatureCollection', () => {
      const files = { ...copy(), railway: { type: 'Feature' } };
      expect(problemsOf(files)).toEqual(['railway.geojson: is not a GeoJSON FeatureCollection']);
    });
  });
});

describe('geo:validate CLI', () => {
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'geo/validate.ts', ...args], { cwd: repoRoot }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'geo-validate-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints a summary and exits 0 for a valid pack', async () => {
    await writePack(dir, copy());
    const { code, stdout } = await run(dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^OK: 80 compounds, 26 committees, 3 areas, \d+ buildings; boundary \d\.\d\d km²\n$/);
  });

  it('prints one line per problem and exits 1 for a corrupted pack', async () => {
    const pack = copy();
    const compound = compoundAt(pack, 5);
    const building = pack.buildings.features[3];
    if (!building) throw new Error('no buildings');
    compound.properties.elderlyShare = 1.4;
    building.properties.height = -3;
    await writePack(dir, pack);
    const { code, stderr } = await run(dir);
    expect(code).toBe(1);
    const lines = stderr.split('\n');
    expect(lines).toEqual([
      startingWith(`compounds.geojson: ${compound.properties.id} has property elderlyShare = 1.4: `),
      startingWith(`buildings.geojson: ${building.properties.id} has property height = -3: `),
      '',
    ]);
  });

  it('exits 2 with one line for a missing directory or an unknown flag', async () => {
    const missing = await run(join(dir, 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`pack directory not found: ${join(dir, 'nope')}\n`);
    const badFlag = await run('--frobnicate');
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toBe("error: unknown option '--frobnicate'\n");
  });
});
