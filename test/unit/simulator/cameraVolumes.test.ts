// Camera volumes: passes of the order of 10⁵ a day derived from residents, rare alerts, and
// street-vendor alerts that fall once the 30 street cameras are in. Passes are tested over one
// day only: the whole window holds tens of millions of them.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateEvent, type ProducerEvent } from '../../../relay/contract/index.ts';
import { dayOf } from '../../../simulator/generate/calendar.ts';
import { simCompoundsFromPack } from '../../../simulator/generate/compounds.ts';
import { planHistorical } from '../../../simulator/generate/historicalPlan.ts';
import { readProfile } from '../../../simulator/profile/readProfile.ts';
import type { HistoricalProfile } from '../../../simulator/profile/schema.ts';
import { cli, committedPack, readLines, scratchDir, validationContextFor } from './helpers.ts';

let events: ProducerEvent[] = [];
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const scratch = await scratchDir();
  cleanup = scratch.cleanup;
  const out = join(scratch.dir, 'camera.ndjson');
  // A Wednesday in June: no holiday, average season.
  expect(await cli('--sources', 'camera', '--from', '2019-06-05', '--to', '2019-06-05', '--out', out)).toMatchObject({ code: 0 });
  events = (await readLines(out)).map((line) => JSON.parse(line) as ProducerEvent);
}, 60_000);
afterAll(() => cleanup());

async function historicalProfile(): Promise<HistoricalProfile> {
  const profile = await readProfile('historical');
  if (profile.type !== 'historical') throw new Error('expected the historical profile');
  return profile;
}

describe('camera volumes', () => {
  it('passes of the order of 10⁵ a day, in proportion to the residents', async () => {
    const passes = events.filter((e) => ['face_access', 'person_pass', 'vehicle_pass'].includes(e.kind));
    const residents = (await committedPack()).compounds.features.reduce((sum, f) => sum + f.properties.residents, 0);
    // 0.95 passes per resident on an average day; a June weekday is a little above average.
    expect(passes.length / residents).toBeGreaterThan(0.9);
    expect(passes.length / residents).toBeLessThan(1.15);
  });

  it('writes passes the relay accepts, without status', async () => {
    const contextOf = await validationContextFor();
    const sample = events.filter((_, i) => i % 50 === 0);
    expect(sample.every((e) => validateEvent(e, contextOf(e)).ok)).toBe(true);
    expect(events.filter((e) => e.kind === 'face_access').every((e) => e.status === undefined)).toBe(true);
  });

  it('puts more passes into the busier hours of the morning than the small hours', () => {
    const hour = (e: ProducerEvent) => Number(String(e.ts).slice(11, 13));
    const at = (h: number) => events.filter((e) => hour(e) === h).length;
    expect(at(8)).toBeGreaterThan(10 * at(3));
  });

  it('gives each camera kind its exact count per period, and street vendors fall after the cameras go in', async () => {
    const profile = await historicalProfile();
    const plan = planHistorical(profile, simCompoundsFromPack(await committedPack()), 1, ['camera']);
    const countIn = (kind: string, from: string, to: string) => {
      const daily = plan.kinds.find((k) => k.kind === kind)?.dailyCounts ?? new Int32Array();
      return daily.slice(dayOf(from) - plan.coverageFrom, dayOf(to) - plan.coverageFrom + 1).reduce((a, b) => a + b, 0);
    };
    for (const [kind, spec] of Object.entries(profile.camera?.kinds ?? {})) {
      for (const period of spec?.counts ?? []) expect(countIn(kind, period.from, period.to)).toBe(period.count);
    }
    const june2018 = countIn('street_vendor', '2018-06-01', '2018-06-30');
    const perMonth2019 = countIn('street_vendor', '2019-01-01', '2019-11-30') / 11;
    expect(june2018).toBeGreaterThan(20 * perMonth2019);
  });

  it('puts objects thrown from height only on towers (大楼)', async () => {
    const profile = await historicalProfile();
    const compounds = simCompoundsFromPack(await committedPack());
    const plan = planHistorical(profile, compounds, 1, ['camera']);
    const throws = plan.kinds.find((k) => k.kind === 'high_altitude_throw');
    const picked = new Set(Array.from({ length: 500 }, (_, i) => compounds[throws?.picker.pick(i / 500) ?? 0]?.kind));
    expect(picked).toEqual(new Set(['大楼']));
  });
});
