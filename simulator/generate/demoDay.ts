// The embedded demo's traffic on the real calendar: one historical day of the profile replayed as
// every real day, from yesterday on, each real day a fresh draw of it (a seed of its own, so new
// event ids), its incidents closing on later days as they would have. An event keeps its time of
// day and is stamped on the real day it falls on. From `liveFrom` on, `pace` − 1 more draws of
// the day's incidents (never its passes) join, so a short demo sees alarms come and go. Before
// all of it come this year's grid and hotline cases up to the day before yesterday — the profile's
// days of DEMO_DAY's year, day of the year for day of the year — so the year's figures of the
// grid centre and the 12345 hotline are a year's from the start.
// Pure and lazy: the caller decides what is "so far" and when the rest is due.
import { CASE_SOURCES, KIND_INFO, type Kind, type ProducerEvent, type Source } from '../../relay/contract/index.ts';
import type { HistoricalProfile } from '../profile/schema.ts';
import { DAY_MS, dayOf, formatDay } from './calendar.ts';
import type { SimCompound } from './compounds.ts';
import { historicalEvents } from './historical.ts';
import { MinHeap } from '../../lib/minHeap.ts';

export interface DemoDayOptions {
  profile: HistoricalProfile;
  compounds: readonly SimCompound[];
  sources: readonly Source[];
  /** The historical day replayed (a day number inside the profile's coverage). */
  day: number;
  /** Draws of the day's incidents from `liveFrom` on; 1 replays the day as it was. */
  pace: number;
  /** Epoch ms where the extra draws start (the relay's start: what came before is the day so far). */
  liveFrom: number;
  /** Epoch ms where the real local day `offset` days after today starts (−1: yesterday). */
  realDayStart(offset: number): number;
  /** Days from 1 January to today (0 on 1 January): how many days of the year come before it. */
  yearDay: number;
}

/** A demo event: a contract event stamped on the real calendar (`ts` in epoch ms). */
export type DemoEvent = ProducerEvent & { ts: number };

/**
 * The seed of a real day's draw: yesterday's main draw (at the start) is 1, today's 2, and so
 * on; the extra draws of the pace lie far above, so no two draws share an event id.
 */
export function demoSeed(offset: number, draw: number): number {
  return draw === 0 ? offset + 2 : EXTRA_SEEDS + draw * 100_000 + offset + 1;
}
const EXTRA_SEEDS = 1_000_000;
/** The year's cases so far: a seed of their own, between the days' draws and the extra ones. */
const YEAR_SEED = 500_000;

const isIncident = (kind: Kind) => KIND_INFO[kind].incident;

/**
 * A day's incidents close on the following days as in history, up to this long after it (by the
 * profile's delays, 96 % of the slowest, 110 thefts and frauds, close within it). Later
 * follow-ups are dropped, so that each draw ends and a demo left running for months holds a
 * bounded number of them.
 */
const FOLLOW_UPS_WITHIN_MS = 30 * DAY_MS;

interface Draw {
  head: DemoEvent;
  rest: Iterator<DemoEvent>;
  /** Creation order: breaks ties between draws on the same millisecond. */
  order: number;
}

const drawFirst = (a: Draw, b: Draw) => a.head.ts < b.head.ts || (a.head.ts === b.head.ts && a.order < b.order);

/** One draw of the historical day, moved onto the real day that starts at `realStart`. */
function drawOnto(options: DemoDayOptions, seed: number, realStart: number, kinds?: (kind: Kind) => boolean): Iterator<DemoEvent> {
  const { profile, compounds, sources, day } = options;
  const events = historicalEvents({
    profile,
    compounds,
    seed,
    sources,
    fromDay: day,
    toDay: day,
    followUpsWithinMs: FOLLOW_UPS_WITHIN_MS,
    movedTo: realStart,
    ...(kinds && { kinds }),
  });
  // Moved, the generator stamps epoch ms.
  return events as Iterator<DemoEvent>;
}

/**
 * This year's grid and hotline cases from 1 January to the day before yesterday: the profile's
 * days from 1 January of the historical day's year, one for one, moved onto the real calendar
 * (whole days of 24 h, exact where the zone keeps no daylight saving, as Asia/Shanghai). Their
 * steps go on into yesterday, today and after, as they would have. Null before 3 January.
 */
function yearSoFar(options: DemoDayOptions): Iterator<DemoEvent> | null {
  const { profile, compounds, day, yearDay, realDayStart } = options;
  const sources = options.sources.filter((source) => (CASE_SOURCES as readonly Source[]).includes(source));
  const firstDay = dayOf(`${formatDay(day).slice(0, 4)}-01-01`);
  const lastDay = Math.min(firstDay + yearDay - 2, dayOf(profile.coverage.to));
  if (sources.length === 0 || lastDay < firstDay) return null;
  const events = historicalEvents({
    profile,
    compounds,
    seed: YEAR_SEED,
    sources,
    fromDay: firstDay,
    toDay: lastDay,
    followUpsWithinMs: FOLLOW_UPS_WITHIN_MS,
    movedTo: realDayStart(-yearDay),
  });
  return events as Iterator<DemoEvent>;
}

/** Drops the incidents opened before `from`, and their follow-ups. */
function* openedFrom(events: Iterator<DemoEvent>, from: number): Generator<DemoEvent> {
  const dropped = new Set<string>();
  for (let next = events.next(); !next.done; next = events.next()) {
    const event = next.value;
    if (event.ref !== undefined ? dropped.has(event.ref) : event.ts < from && dropped.add(event.id)) continue;
    yield event;
  }
}

/** The demo's events in time order: the year's cases so far, then from yesterday's midnight on, without end. */
export function* demoDayEvents(options: DemoDayOptions): Generator<DemoEvent, never, undefined> {
  const { pace, liveFrom, realDayStart } = options;
  const heap = new MinHeap<Draw>(drawFirst);
  let order = 0;
  const add = (events: Iterator<DemoEvent>) => {
    const first = events.next();
    if (!first.done) heap.push({ head: first.value, rest: events, order: order++ });
  };
  const year = yearSoFar(options);
  if (year) add(year);
  let nextDay = -1;
  let nextStart = realDayStart(nextDay);
  for (;;) {
    // A day's draws join before anything at or after its midnight leaves, so the merge stays in order.
    while ((heap.peek()?.head.ts ?? Infinity) >= nextStart) {
      add(drawOnto(options, demoSeed(nextDay, 0), nextStart));
      const dayEnd = realDayStart(nextDay + 1);
      for (let draw = 1; draw < pace && dayEnd > liveFrom; draw++) {
        const extra = drawOnto(options, demoSeed(nextDay, draw), nextStart, isIncident);
        add(nextStart < liveFrom ? openedFrom(extra, liveFrom) : extra);
      }
      nextDay++;
      nextStart = dayEnd;
    }
    const top = heap.peek() as Draw;
    const event = top.head;
    const next = top.rest.next();
    if (next.done) heap.pop();
    else {
      top.head = next.value;
      heap.updateTop();
    }
    yield event;
  }
}
