// Profiles are data files: a malformed one is refused with one line naming the file and the
// field; a custom one is accepted with --profile ./file.json.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProfile, ProfileError, readProfile } from '../../../simulator/profile/readProfile.ts';
import { cli, readLines, scratchDir } from './helpers.ts';

type Json = Record<string, unknown>;

const bundled = (name: string): Json =>
  JSON.parse(readFileSync(new URL(`../../../simulator/profiles/${name}.json`, import.meta.url), 'utf8')) as Json;

/**
 * A copy of a bundled profile with the value at `path` (e.g. `sensor.totals[0].total`)
 * replaced by `change(old value)`, or deleted when that returns undefined.
 */
function edited(name: string, path: string, change: (value: unknown) => unknown): Json {
  const profile = bundled(name);
  const keys = path.split(/\.|\[(\d+)\]\.?/).filter((key) => key !== undefined && key !== '');
  const last = keys.pop() ?? '';
  const parent = keys.reduce<Json>((node, key) => node[key] as Json, profile);
  const value = change(parent[last]);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return profile;
}

const to = (value: unknown) => () => value;
const removed = () => undefined;

function errorOf(json: unknown): string {
  try {
    parseProfile(json, 'bad.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    return (error as Error).message;
  }
  throw new Error('the profile was accepted');
}

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await scratchDir()));
afterAll(() => cleanup());

describe('profile validation', () => {
  it('accepts both bundled profiles', async () => {
    expect((await readProfile('historical')).type).toBe('historical');
    expect((await readProfile('load')).type).toBe('load');
  });

  it.each([
    ['a negative total', 'sensor.totals[0].total', to(-5), 'profile bad.json: sensor.totals[0].total must be an integer ≥ 0'],
    ['a fractional count', 'alarm110.kinds.theft.counts[0].count', to(8.5), 'profile bad.json: alarm110.kinds.theft.counts[0].count must be an integer ≥ 0'],
    ['a missing why', 'sensor.kinds.door_open.why', removed, 'profile bad.json: sensor.kinds.door_open.why is required'],
    ['an unknown kind', 'sensor.kinds.fire', to({ share: 0, why: 'x' }), 'profile bad.json: sensor.kinds has unknown field "fire"'],
    ['a camera kind under sensor', 'sensor.kinds.face_access', to({ share: 0, why: 'x' }), 'profile bad.json: sensor.kinds has unknown field "face_access"'],
    ['an unknown field', 'window.until', to('2019-12-31'), 'profile bad.json: window has unknown field "until"'],
    ['a short hour shape', 'camera.shape.hourOfDay', (hours: unknown) => (hours as number[]).slice(1), 'profile bad.json: camera.shape.hourOfDay must be a list of 24 numbers ≥ 0, not all zero'],
    ['an impossible date', 'window.to', to('2019-02-30'), 'profile bad.json: window.to must be a date YYYY-MM-DD'],
    ['a missing type', 'type', removed, 'profile bad.json: type must be "historical" or "load"'],
    ['a closure rate above 1', 'alarm110.lifecycle.closeRate', to(90.2), 'profile bad.json: alarm110.lifecycle.closeRate must be a number from 0 to 1'],
    ['two volumes for one kind', 'alarm110.kinds.theft.share', to(0.1), 'profile bad.json: alarm110.kinds.theft must give exactly one of share, counts, perResidentPerDay (got share and counts)'],
  ])('names the field for %s', (_name, path, change, message) => {
    expect(errorOf(edited('historical', path, change))).toBe(message);
  });

  it.each([
    ['shares that do not add up', 'sensor.kinds.door_open.share', to(0.45), 'profile bad.json: sensor.kinds shares must add up to 1, got 0.950000'],
    ['a gap between periods', 'alarm110.kinds.theft.counts', (counts: unknown) => (counts as unknown[]).filter((_, i) => i !== 1), 'profile bad.json: alarm110.kinds.theft.counts[1].from must be 2018-12-01 (the day after the previous period)'],
    ['periods ending early', 'sensor.totals[1].to', to('2019-12-30'), "profile bad.json: sensor.totals[1].to must be 2019-12-31 (the coverage's last day)"],
    ['a window outside the coverage', 'window.from', to('2017-12-31'), 'profile bad.json: window must lie inside the coverage 2018-01-01…2019-12-31'],
    ['a follow-up for a pass', 'camera.kinds.face_access.lifecycle', to({ closeRate: 0.9, medianMinutes: 1, p90Minutes: 2, why: 'x' }), 'profile bad.json: camera.kinds.face_access.lifecycle is not allowed: face_access is not an incident kind'],
    ['winter burglaries', 'alarm110.kinds.burglary.counts[1].count', to(3), 'profile bad.json: alarm110.kinds.burglary.counts[1] puts burglary events on 2018-12-01…2018-12-31, where its shape gives every day weight 0'],
    ['a p90 below the median', 'sensor.lifecycle.p90Minutes', to(5), 'profile bad.json: sensor.lifecycle.p90Minutes must be at least medianMinutes'],
  ])('explains %s', (_name, path, change, message) => {
    expect(errorOf(edited('historical', path, change))).toBe(message);
  });

  it('refuses a file that holds no object', () => {
    expect(errorOf([])).toBe('profile bad.json: the profile must be a JSON object');
  });

  it('refuses load phases that do not add up', () => {
    expect(errorOf(edited('load', 'phases[0].share', to(0.5)))).toBe('profile bad.json: phases shares must add up to 1, got 1.350000');
  });

  it('refuses a file that is not JSON, or not there, in one line with exit status 2', async () => {
    const path = join(dir, 'broken.json');
    await writeFile(path, '{"type": "historical",');
    const broken = await cli('--profile', path, '--out', join(dir, 'x.ndjson'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toHaveLength(1);
    expect(broken.stderr[0]).toMatch(new RegExp(`^simulate: profile ${path}: is not valid JSON`));
    const missing = await cli('--profile', join(dir, 'nope.json'), '--out', join(dir, 'x.ndjson'));
    expect(missing).toEqual({ code: 2, stderr: [`simulate: profile ${join(dir, 'nope.json')}: file not found (bundled profiles: historical, load)`] });
  });

  it('runs a custom profile file given with --profile', async () => {
    const { sensor: _sensor, camera: _camera, grid: _grid, hotline: _hotline, ...custom } = edited('historical', 'alarm110.kinds', to({
      dispute: { why: 'a test', counts: [{ from: '2018-01-01', to: '2019-12-31', count: 40 }] },
    }));
    const path = join(dir, 'disputes.json');
    await writeFile(path, JSON.stringify(custom));
    const out = join(dir, 'disputes.ndjson');
    const run = await cli('--profile', path, '--to', '2019-12-31', '--out', out);
    expect(run.code).toBe(0);
    const events = (await readLines(out)).map((line) => JSON.parse(line) as { kind: string; status: string });
    expect(events.filter((e) => e.status !== 'closed')).toHaveLength(40);
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(['dispute']));
  }, 30_000);
});
