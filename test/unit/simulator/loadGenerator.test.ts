// The load profile: a schedule that holds the asked rate, a realistic mix over all compounds,
// follow-ups that ride the schedule, and the same events for the same seed.
import { describe, expect, it } from 'vitest';
import { KIND_INFO, parseEventTime, type ProducerEvent } from '../../../relay/contract/index.ts';
import { simCompoundsFromPack } from '../../../simulator/generate/compounds.ts';
import { loadEvents, type LoadOptions } from '../../../simulator/generate/load.ts';
import { scheduledCount, scheduleOffsets } from '../../../simulator/generate/loadSchedule.ts';
import { readProfile } from '../../../simulator/profile/readProfile.ts';
import type { LoadPhase, LoadProfile } from '../../../simulator/profile/schema.ts';
import { buildGridPack } from '../geo/fixtures/gridPack.ts';

const phase = (share: number, fromRate: number, toRate: number): LoadPhase => ({ name: 'p', share, fromRate, toRate, why: 'test' });
const START = Date.UTC(2024, 4, 1, 4, 0, 0);

async function loadOptions(overrides: Partial<LoadOptions> = {}): Promise<LoadOptions> {
  const profile = (await readProfile('load')) as LoadProfile;
  return {
    profile,
    compounds: simCompoundsFromPack(buildGridPack()),
    seed: 5,
    sources: ['sensor', 'camera', 'alarm110'],
    rate: 2000,
    durationMs: 60_000,
    startMs: START,
    ...overrides,
  };
}

function perSecond(events: readonly ProducerEvent[]): number[] {
  const counts: number[] = [];
  for (const event of events) {
    const second = Math.floor(((parseEventTime(event.ts) ?? 0) - START) / 1000);
    counts[second] = (counts[second] ?? 0) + 1;
  }
  return counts;
}

describe('load schedule', () => {
  it('holds a constant rate exactly', () => {
    const offsets = [...scheduleOffsets([phase(1, 1, 1)], 2000, 10_000)];
    expect(offsets).toHaveLength(20_000);
    expect(offsets[1]).toBeCloseTo(0.5);
    expect(offsets.at(-1)).toBeLessThan(10_000);
  });

  it('ramps linearly from zero and keeps the offsets ascending', () => {
    const offsets = [...scheduleOffsets([phase(1, 0, 1)], 1000, 10_000)];
    // The integral of a ramp from 0 to 1000/s over 10 s.
    expect(offsets).toHaveLength(5000);
    expect(offsets.every((t, i) => i === 0 || t > (offsets[i - 1] ?? 0))).toBe(true);
    expect(offsets.filter((t) => t >= 9000).length).toBeGreaterThan(9 * offsets.filter((t) => t < 1000).length);
  });

  it('scales the phases to the duration by their shares', () => {
    const offsets = [...scheduleOffsets([phase(0.5, 1, 1), phase(0.5, 2, 2)], 100, 20_000)];
    expect(offsets.filter((t) => t < 10_000)).toHaveLength(1000);
    expect(offsets.filter((t) => t >= 10_000)).toHaveLength(2000);
  });

  it('knows beforehand how many events a schedule holds (for the progress bar)', async () => {
    const { profile } = await loadOptions();
    for (const [rate, ms] of [[2000, 60_000], [777, 5_500], [66_666, 3_000]] as const) {
      expect(scheduledCount(profile.phases, rate, ms)).toBe([...scheduleOffsets(profile.phases, rate, ms)].length);
    }
  });
});

describe('load events', () => {
  it('follows the bundled ramp, hold and burst second by second', async () => {
    const events = [...loadEvents(await loadOptions())];
    const seconds = perSecond(events);
    expect(seconds).toHaveLength(60);
    expect(seconds[0]).toBeLessThan(400);
    expect(seconds[20]).toBe(2000);
    expect(seconds[47]).toBe(3000);
    expect(seconds[59]).toBe(2000);
  });

  it('mixes passes, sensor alarms, camera alerts and 110 calls over every compound', async () => {
    const events = [...loadEvents(await loadOptions({ durationMs: 20_000 }))];
    const share = (source: string) => events.filter((e) => KIND_INFO[e.kind].source === source).length / events.length;
    expect(share('camera')).toBeGreaterThan(0.8);
    expect(share('sensor')).toBeGreaterThan(0.08);
    expect(share('alarm110')).toBeGreaterThan(0.02);
    expect(new Set(events.map((e) => e.compoundId).filter(Boolean)).size).toBe(80);
    expect(events.some((e) => e.crs === 'gcj02')).toBe(true);
  });

  it('closes incidents a few seconds later, within the rate', async () => {
    const events = [...loadEvents(await loadOptions({ durationMs: 30_000 }))];
    const byId = new Map(events.map((e) => [e.id, e]));
    const closes = events.filter((e) => e.status === 'closed');
    const openings = events.filter((e) => e.status === 'open');
    // Delays of 5–60 s in a 30 s run: about 0.902 × 19 % of the incidents close before the end.
    expect(closes.length / openings.length).toBeGreaterThan(0.12);
    expect(closes.length / openings.length).toBeLessThan(0.2);
    for (const close of closes) {
      const open = byId.get(close.ref ?? '');
      const delay = (parseEventTime(close.ts) ?? 0) - (parseEventTime(open?.ts ?? 0) ?? 0);
      expect(delay).toBeGreaterThanOrEqual(5000);
      expect(delay).toBeLessThan(62_000);
    }
  });

  it('keeps to the chosen sources', async () => {
    const events = [...loadEvents(await loadOptions({ sources: ['alarm110'], durationMs: 5000 }))];
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => KIND_INFO[e.kind].source === 'alarm110')).toBe(true);
  });

  it('gives the same events for the same seed and start, others for another seed', async () => {
    const run = async (seed: number) => JSON.stringify([...loadEvents(await loadOptions({ seed, durationMs: 2000 }))]);
    expect(await run(5)).toBe(await run(5));
    expect(await run(6)).not.toBe(await run(5));
  });
});
