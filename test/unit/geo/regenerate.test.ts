// The generator reproduces the committed pack byte for byte, rebuilds around surveyed layers,
// refuses bad input with exit 2, and the committed pack holds the article's figures.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { area, booleanIntersects, booleanPointInPolygon, centroid, intersect, featureCollection, pointToLineDistance } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialiseCollection } from '../../../geo/generate/output.ts';
import { generatePack } from '../../../geo/generate/pack.ts';
import { readSources } from '../../../geo/generate/sources.ts';
import { PACK_FILES, type GeoPack, type PackFileKey } from '../../../geo/schema.ts';
import { formatProblem } from '../../../geo/validation/problem.ts';
import { validatePack } from '../../../geo/validation/validatePack.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PACK_DIR = join(ROOT, 'geo/pack');
const KEYS = Object.keys(PACK_FILES) as PackFileKey[];
const CLI_TIMEOUT_MS = 60_000;

const execFileAsync = promisify(execFile);

/** Runs the generator CLI; resolves with its exit code and output, never rejects. */
async function generate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, ['--import', 'tsx', 'geo/generate.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const readText = (dir: string, key: PackFileKey) => readFile(join(dir, PACK_FILES[key]), 'utf8');

async function readFiles(dir: string): Promise<Record<PackFileKey, string>> {
  const texts = await Promise.all(KEYS.map((key) => readText(dir, key)));
  return Object.fromEntries(KEYS.map((key, i) => [key, texts[i]])) as Record<PackFileKey, string>;
}

const parse = (files: Record<PackFileKey, string>) =>
  Object.fromEntries(KEYS.map((key) => [key, JSON.parse(files[key])])) as unknown as GeoPack;

const problemsOf = (pack: GeoPack) => validatePack(pack as unknown as Record<PackFileKey, unknown>).map(formatProblem);

let scratch: string;
const committedText = await readFiles(PACK_DIR);
const pack = parse(committedText);
const sources = await readSources();

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'geo-generate-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('geo:generate', () => {
  it('regenerating reproduces geo/pack byte for byte', { timeout: CLI_TIMEOUT_MS }, async () => {
    const out = join(scratch, 'again');
    const run = await generate('--out', out);
    expect(run.code, run.stderr).toBe(0);
    const again = await readFiles(out);
    for (const key of KEYS) expect(again[key], PACK_FILES[key]).toBe(committedText[key]);
  });

  it.concurrent.each([
    ['an unknown flag', ['--bogus'], /unknown option '--bogus'/],
    ['a seed that is no integer', ['--seed', 'x'], /--seed/],
    ['an input file that is missing', ['--committees', 'no/such/file.geojson'], /no\/such\/file\.geojson: cannot be read/],
  ])('refuses %s with exit 2 and one line', { timeout: CLI_TIMEOUT_MS }, async (_what, args, message) => {
    const run = await generate('--out', join(scratch, 'refused'), ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('generatePack', () => {
  const text = (rebuilt: GeoPack) =>
    Object.fromEntries(KEYS.map((key) => [key, serialiseCollection(rebuilt[key])])) as Record<PackFileKey, string>;

  it('gives another layout for another seed, still a valid pack', () => {
    const files = text(generatePack(sources, {}, 7));
    expect(files.compounds).not.toBe(committedText.compounds);
    expect(problemsOf(parse(files))).toEqual([]);
  });

  it('keeps surveyed committees as given and rebuilds a valid pack around them', () => {
    const files = text(generatePack(sources, { committees: pack.committees.features }, 7));
    expect(files.committees).toBe(committedText.committees);
    expect(problemsOf(parse(files))).toEqual([]);
  });

  it('puts synthesized buildings inside surveyed compounds', () => {
    const surveyed = { committees: pack.committees.features, compounds: pack.compounds.features };
    const files = text(generatePack(sources, surveyed, 3));
    expect(files.compounds).toBe(committedText.compounds);
    expect(files.buildings).not.toBe(committedText.buildings);
    const rebuilt = parse(files);
    expect(problemsOf(rebuilt)).toEqual([]);
    expect(new Set(rebuilt.buildings.features.map((b) => b.properties.compoundId)).size).toBe(80);
  });

  it('refuses a surveyed layer without the layer its ids refer to', () => {
    expect(() => generatePack(sources, { buildings: pack.buildings.features }, 1)).toThrow('--buildings needs --compounds');
    expect(() => generatePack(sources, { compounds: pack.compounds.features }, 1)).toThrow('--compounds needs --committees');
  });
});

describe('the committed pack', () => {
  const compounds = pack.compounds.features.map((f) => f.properties);
  const committees = pack.committees.features;
  const committeeNamed = (name: string) => {
    const found = committees.find((c) => c.properties.name === name);
    if (!found) throw new Error(`no committee ${name}`);
    return found;
  };
  const compoundNamed = (name: string) => {
    const found = pack.compounds.features.find((c) => c.properties.name === name);
    if (!found) throw new Error(`no compound ${name}`);
    return found;
  };
  const road = (name: string) => {
    const found = pack.roads.features.find((r) => r.properties.name === name);
    if (!found) throw new Error(`no road ${name}`);
    return found;
  };

  it('writes one feature per line and ends every file with a newline', () => {
    for (const key of KEYS) {
      const lines = committedText[key].split('\n');
      expect(lines.at(-1), PACK_FILES[key]).toBe('');
      expect(lines.length - 3, PACK_FILES[key]).toBe(pack[key].features.length);
    }
  });

  it('passes the validator', () => {
    expect(problemsOf(pack)).toEqual([]);
  });

  it('has 80 compounds numbered SQ-C01 to SQ-C80', () => {
    expect(compounds.map((c) => c.id)).toEqual(Array.from({ length: 80 }, (_, i) => `SQ-C${String(i + 1).padStart(2, '0')}`));
  });

  it('has the 24 committees of the 2016 list plus two made-up ones, with short names', async () => {
    const csv = await readFile(join(ROOT, 'geo/sources/shiquan_committees_2016_from_vonng_adcode.csv'), 'utf8');
    const listed = csv.split('\n').filter((row) => row.includes(',village,')).map((row) => row.split(',').slice(0, 2).join(' '));
    const real = committees.filter((c) => c.properties.provenance === 'real').map((c) => `${c.properties.adcode} ${c.properties.name}`);
    expect(real).toEqual(listed);
    const made = committees.filter((c) => c.properties.provenance === 'synthesized');
    expect(made).toHaveLength(2);
    expect(made.every((c) => c.properties.adcode === null)).toBe(true);
    expect(committeeNamed('石泉新村第二居委会').properties.shortName).toBe('石二');
  });

  it('puts 铁路新村 and 陆家宅第二 where the CSV points are', () => {
    expect(booleanPointInPolygon([121.421975, 31.255345], committeeNamed('铁路新村居委会'))).toBe(true);
    expect(booleanPointInPolygon([121.415317, 31.248408], committeeNamed('陆家宅第二居委会'))).toBe(true);
  });

  it('puts 石泉铜川片区 in the north-west, around the 铜川路 × 静宁路 junction', () => {
    const area = pack.areas.features.find((a) => a.properties.name === '石泉铜川片区');
    const junction = pack.landmarks.features.find((l) => l.properties.kind === 'junction');
    expect(area && junction && booleanPointInPolygon(junction, area)).toBe(true);
    const [lon, lat] = centroid(area!).geometry.coordinates as [number, number];
    const [midLon, midLat] = centroid(pack.boundary).geometry.coordinates as [number, number];
    expect(lon).toBeLessThan(midLon);
    expect(lat).toBeGreaterThan(midLat);
  });

  it('has 岚皋大楼小区 on the Inner Ring by 岚皋路, and 太浜巷小区 in its committee', () => {
    const pilot = compoundNamed('岚皋大楼小区');
    expect(pilot.properties).toMatchObject({ kind: '大楼', address: '中山北路2197弄', provenance: 'real' });
    const [lon] = centroid(pilot).geometry.coordinates as [number, number];
    expect(Math.abs(lon - 121.417)).toBeLessThan(0.002);
    expect(pointToLineDistance(centroid(pilot), road('内环高架路'), { units: 'meters' })).toBeLessThan(120);
    const lane = compoundNamed('太浜巷小区');
    expect(lane.properties.committeeId).toBe(committeeNamed('太浜巷居委会').properties.id);
  });

  it('houses about 100,000 residents, 42.78 % of them aged 60+, 2.5–2.8 to a household', () => {
    const residents = compounds.reduce((sum, c) => sum + c.residents, 0);
    expect(Math.abs(residents - 100_000)).toBeLessThan(1_000);
    const elderly = compounds.reduce((sum, c) => sum + c.residents * c.elderlyShare, 0) / residents;
    expect(elderly).toBeCloseTo(0.4278, 3);
    for (const c of compounds) {
      expect(c.residents / c.households, c.id).toBeGreaterThanOrEqual(2.45);
      expect(c.residents / c.households, c.id).toBeLessThanOrEqual(2.85);
    }
  });

  it('is mostly 售后公房, with some 商品房 and a few 大楼 of their eras', () => {
    const count = (kind: string) => compounds.filter((c) => c.kind === kind).length;
    expect(count('售后公房')).toBeGreaterThan(50);
    expect(count('商品房')).toBeGreaterThanOrEqual(10);
    expect(count('大楼')).toBeGreaterThanOrEqual(3);
    expect(count('大楼')).toBeLessThanOrEqual(10);
    for (const c of compounds.filter((c) => c.kind === '售后公房')) expect(c.builtYear, c.id).toBeLessThan(1990);
    for (const c of compounds.filter((c) => c.kind === '商品房')) expect(c.builtYear, c.id).toBeGreaterThanOrEqual(1990);
  });

  it('has a browser-sized set of buildings, every compound with some, heights ≈ 2.9 m a floor', () => {
    const buildings = pack.buildings.features.map((b) => b.properties);
    expect(buildings.length).toBeGreaterThanOrEqual(600);
    expect(buildings.length).toBeLessThanOrEqual(1500);
    expect(new Set(buildings.map((b) => b.compoundId)).size).toBe(80);
    const kindOf = new Map(compounds.map((c) => [c.id, c.kind]));
    for (const b of buildings) {
      expect(b.id.startsWith(`${b.compoundId}-B`), b.id).toBe(true);
      expect(b.height).toBeCloseTo(b.floors * 2.9, 1);
      if (kindOf.get(b.compoundId) === '售后公房') expect([5, 6, 7], b.id).toContain(b.floors);
      if (kindOf.get(b.compoundId) === '大楼') expect(b.floors, b.id).toBeGreaterThanOrEqual(12);
    }
  });

  it('has the article landmarks and the real 岚皋路 station point', () => {
    expect(pack.landmarks.features.map((l) => l.properties.name)).toEqual([
      '宁强路25号彩虹广场',
      '铜川路静宁路路口',
      '陆家宅小学',
      '北海中学',
      '石泉社区卫生服务中心',
      '东方信息苑',
      '岚皋路站',
    ]);
    expect(pack.landmarks.features.at(-1)?.geometry.coordinates).toEqual([121.417249, 31.25816]);
    for (const l of pack.landmarks.features) expect(booleanPointInPolygon(l, pack.boundary.features[0]!), l.properties.name).toBe(true);
  });

  it('draws the seven boundary roads, the Inner Ring, and the railway north of 交通路', () => {
    const boundaryRoads = new Set(pack.roads.features.filter((r) => r.properties.class === 'boundary').map((r) => r.properties.name));
    expect(boundaryRoads).toEqual(new Set(['中山北路', '武宁路', '曹杨路', '铜川路', '真华路', '交通路', '光新路']));
    expect(road('内环高架路').properties.class).toBe('elevated');
    expect(road('岚皋路').properties.class).toBe('arterial');
    const railway = pack.railway.features[0]!;
    const jiaotong = road('交通路').geometry.coordinates;
    const latAt = (line: number[][]) => line.reduce((sum, p) => sum + p[1]!, 0) / line.length;
    expect(latAt(railway.geometry.coordinates)).toBeGreaterThan(latAt(jiaotong));
  });

  it('lays compounds between the streets, with green space beside them and not on them', () => {
    for (const c of pack.compounds.features) {
      for (const r of pack.roads.features) expect(booleanIntersects(c, r), `${c.properties.id} × ${r.properties.name}`).toBe(false);
      for (const g of pack.green.features) expect(intersect(featureCollection([c, g])), `${c.properties.id} × ${g.properties.name}`).toBeNull();
    }
    expect(pack.green.features.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the boundary within 5 % of the official 3.53 km²', () => {
    expect(Math.abs(area(pack.boundary) / 1e6 - 3.53)).toBeLessThan(3.53 * 0.05);
  });
});
