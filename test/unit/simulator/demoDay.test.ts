// The embedded demo's day: one historical day replayed as yesterday, today and every day after on
// the real calendar, each real day a fresh draw with the day's own volumes and times of day, and
// from the relay's start `pace` times as many incidents (never more passes).
import { beforeAll, describe, expect, it } from 'vitest';
import { KIND_INFO, sourceOfKind, type Kind, type Source } from '../../../relay/contract/index.ts';
import { dayOf } from '../../../simulator/generate/calendar.ts';
import { simCompoundsFromPack, type SimCompound } from '../../../simulator/generate/compounds.ts';
import { demoDayEvents, demoSeed, type DemoEvent } from '../../../simulator/generate/demoDay.ts';
import { planHistorical } from '../../../simulator/generate/historicalPlan.ts';
import { readProfile } from '../../../simulator/profile/readProfile.ts';
import type { HistoricalProfile } from '../../../simulator/profile/schema.ts';
import { committedPack } from './helpers.ts';

const DAY = dayOf('2019-06-05');
const HOUR = 3_600_000;
// Real days of 24 h from a Shanghai midnight; the relay passes its own calendar's.
const TODAY = Date.parse('2026-03-04T00:00:00+08:00');
const realDayStart = (offset: number) => TODAY + offset * 24 * HOUR;
/** 4 March: 62 days into the year. */
const YEAR_DAY = 62;
const ALARMS: Source[] = ['sensor', 'alarm110'];

let profile: HistoricalProfile;
let compounds: SimCompound[];

beforeAll(async () => {
  const read = await readProfile('historical');
  if (read.type !== 'historical') throw new Error('expected the historical profile');
  profile = read;
  compounds = simCompoundsFromPack(await committedPack());
});

/** The demo's events before `until`, of `sources`. */
function demo(sources: readonly Source[], pace: number, liveFrom: number, until: number): DemoEvent[] {
  const events: DemoEvent[] = [];
  for (const event of demoDayEvents({ profile, compounds, sources, day: DAY, pace, liveFrom, realDayStart, yearDay: YEAR_DAY })) {
    if (event.ts >= until) break;
    events.push(event);
  }
  return events;
}

/** What the profile gives the historical day, per kind, for the draw of `seed`. */
function dayCounts(seed: number, sources: readonly Source[]): Map<Kind, number> {
  const plan = planHistorical(profile, compounds, seed, sources);
  return new Map(plan.kinds.map((k) => [k.kind, k.dailyCounts[DAY - plan.coverageFrom] ?? 0]));
}

const nonZero = (counts: Map<Kind, number>) => new Map([...counts].filter(([, n]) => n > 0));

function opensPerKind(events: readonly DemoEvent[], from: number, to: number): Map<Kind, number> {
  const counts = new Map<Kind, number>();
  for (const e of events) if (e.status !== 'closed' && e.ts >= from && e.ts < to) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return counts;
}

const sum = (counts: Map<Kind, number>, kinds: (kind: Kind) => boolean = () => true) =>
  [...counts].reduce((total, [kind, n]) => total + (kinds(kind) ? n : 0), 0);

describe('the embedded demo day', () => {
  it('startsWithThisYearsGridAndHotlineCasesUpToTheDayBeforeYesterday', () => {
    const events = demo(['grid', 'hotline', 'sensor'], 1, TODAY, realDayStart(1));
    const yesterday = realDayStart(-1);
    const before = events.filter((e) => e.ts < yesterday);
    const openings = before.filter((e) => e.ref === undefined);
    expect(new Set(openings.map((e) => sourceOfKind(e.kind)))).toEqual(new Set(['grid', 'hotline']));
    expect(Math.min(...openings.map((e) => e.ts))).toBeGreaterThanOrEqual(realDayStart(-YEAR_DAY));
    // About 41 grid cases and 5 hotline calls a day, for the 60 days from 1 January.
    const grid = openings.filter((e) => sourceOfKind(e.kind) === 'grid').length;
    expect(grid).toBeGreaterThan(60 * 30);
    expect(grid).toBeLessThan(60 * 55);
    // Their steps go on after yesterday's midnight; every step follows its case's opening.
    const opened = new Set(events.filter((e) => e.ref === undefined).map((e) => e.id));
    const steps = events.filter((e) => e.stage !== undefined);
    expect(steps.some((e) => e.ts >= yesterday && before.some((o) => o.id === e.ref))).toBe(true);
    expect(steps.every((e) => opened.has(e.ref ?? ''))).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.every((e, i) => i === 0 || e.ts >= (events[i - 1]?.ts ?? 0))).toBe(true);
  });

  it('replays the historical day as yesterday and every day after, a fresh draw each, with its times of day', () => {
    const events = demo(ALARMS, 1, TODAY, realDayStart(2));
    for (const offset of [-1, 0, 1]) {
      const opens = opensPerKind(events, realDayStart(offset), realDayStart(offset + 1));
      expect(opens, `real day ${offset}`).toEqual(nonZero(dayCounts(demoSeed(offset, 0), ALARMS)));
    }
    // Three draws, not one copied: their opening times differ.
    const timesOfDay = (offset: number) =>
      events.filter((e) => e.status !== 'closed' && e.ts >= realDayStart(offset) && e.ts < realDayStart(offset + 1)).map((e) => e.ts - realDayStart(offset));
    expect(timesOfDay(0)).not.toEqual(timesOfDay(-1));
    // Sensor alarms follow the day's shape: more in the evening peak than before dawn.
    const sensorHour = (from: number, to: number) =>
      events.filter((e) => sourceOfKind(e.kind) === 'sensor' && e.status !== 'closed' && (e.ts - TODAY + 24 * HOUR) % (24 * HOUR) >= from * HOUR && (e.ts - TODAY + 24 * HOUR) % (24 * HOUR) < to * HOUR).length;
    expect(sensorHour(17, 20)).toBeGreaterThan(3 * sensorHour(2, 5));
  });

  it('keeps time order and unique ids, and closes incidents on later days as they would have', () => {
    const events = demo(ALARMS, 3, TODAY + 15 * HOUR, realDayStart(2));
    expect(events.every((e, i) => i === 0 || e.ts >= (events[i - 1]?.ts ?? 0))).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const opened = new Map(events.filter((e) => e.status === 'open').map((e) => [e.id, e.ts]));
    const closes = events.filter((e) => e.status === 'closed');
    // Every follow-up closes an incident that opened before it, here: none is orphaned.
    expect(closes.every((e) => e.ref !== undefined && (opened.get(e.ref) ?? Infinity) < e.ts)).toBe(true);
    // 110 calls take days to close: some of yesterday's close today.
    expect(closes.some((e) => e.ts >= TODAY && (opened.get(e.ref ?? '') ?? Infinity) < TODAY)).toBe(true);
  });

  it('from the start on, brings pace times the incidents and the passes as they were', () => {
    const liveFrom = TODAY + 15 * HOUR;
    const pace = 4;
    const sources: Source[] = ['sensor', 'camera'];
    const events = demo(sources, pace, liveFrom, realDayStart(2));
    // Before the start: yesterday and today so far as the day was.
    const asItWas = demo(sources, 1, liveFrom, liveFrom);
    expect(opensPerKind(events, realDayStart(-1), liveFrom)).toEqual(opensPerKind(asItWas, realDayStart(-1), liveFrom));
    // Tomorrow: the incidents of `pace` draws of the day, the passes of one.
    const expected = new Map<Kind, number>();
    for (let draw = 0; draw < pace; draw++) {
      for (const [kind, n] of dayCounts(demoSeed(1, draw), sources)) {
        if (draw === 0 || KIND_INFO[kind].incident) expected.set(kind, (expected.get(kind) ?? 0) + n);
      }
    }
    expect(opensPerKind(events, realDayStart(1), realDayStart(2))).toEqual(nonZero(expected));
    // Today after the start: more than the day had, fewer than pace days' worth.
    const isIncident = (kind: Kind) => KIND_INFO[kind].incident;
    const afterStart = sum(opensPerKind(events, liveFrom, realDayStart(1)), isIncident);
    expect(afterStart).toBeGreaterThan(sum(opensPerKind(asItWas, liveFrom, realDayStart(1)), isIncident));
    // Three days of about 10⁵ camera passes each: seconds on a busy machine.
  }, 30_000);
});
