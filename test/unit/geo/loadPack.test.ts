import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPack } from '../../../geo/loadPack.ts';
import { buildGridPack } from './fixtures/gridPack.ts';
import { writePack } from './fixtures/writePack.ts';

describe('loading a pack directory', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'geo-pack-'));
    await writePack(dir, buildGridPack());
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads every file into a GeoPack', async () => {
    expect(await loadPack(dir)).toEqual(buildGridPack());
  });

  it('names the file that is missing', async () => {
    await unlink(join(dir, 'committees.geojson'));
    await expect(loadPack(dir)).rejects.toThrow(`${join(dir, 'committees.geojson')}: file is missing`);
  });

  it('names the file that is not JSON', async () => {
    await writeFile(join(dir, 'roads.geojson'), '{"type": "FeatureCollection", "features": [');
    await expect(loadPack(dir)).rejects.toThrow(new RegExp(`^${join(dir, 'roads.geojson')}: is not valid JSON`));
  });

  it('names the file that is not a FeatureCollection', async () => {
    await writeFile(join(dir, 'green.geojson'), '{"type": "Feature"}');
    await expect(loadPack(dir)).rejects.toThrow(`${join(dir, 'green.geojson')}: is not a GeoJSON FeatureCollection`);
  });

  it('says when the directory does not exist', async () => {
    await expect(loadPack(join(dir, 'nope'))).rejects.toThrow(`pack directory not found: ${join(dir, 'nope')}`);
  });
});
