// The historical replay as a stream of contract events in timestamp order. One local day at a
// time: each kind's events of the day get sorted times, a compound and (when an incident) maybe
// a follow-up; the kinds are merged with the pending follow-ups. Memory holds one day of events
// (about 10⁵ camera passes at most) plus the incidents still open, never the whole window.
import type { Random } from '../../lib/random.ts';
import { KIND_INFO, isCaseSource, type Kind, type ProducerEvent, type Source } from '../../relay/contract/index.ts';
import type { HistoricalProfile } from '../profile/schema.ts';
import { DAY_MS, formatDay } from './calendar.ts';
import type { SimCompound } from './compounds.ts';
import { dayTimes } from './dayTimes.ts';
import { caseFate, stepsOf, stepTimes } from './casePlan.ts';
import { followUpEvent, followUpsFirst, openEvent, type PendingFollowUp } from './eventFactory.ts';
import { planHistorical, type HistoricalKindPlan, type HistoricalPlan } from './historicalPlan.ts';
import { dayIds } from './ids.ts';
import { MinHeap } from '../../lib/minHeap.ts';

const HOUR_MS = 3_600_000;

export interface HistoricalOptions {
  profile: HistoricalProfile;
  compounds: readonly SimCompound[];
  seed: number;
  sources: readonly Source[];
  /** First and last local day of the run (day numbers, inclusive), inside the coverage. */
  fromDay: number;
  toDay: number;
  /** Only these kinds (default: every kind of the sources); the others' events stay the same. */
  kinds?: (kind: Kind) => boolean;
  /**
   * Also send the follow-ups due within this long after the last day (default 0: none, their
   * incidents stay open). The embedded demo replays one day again and again, and its incidents
   * close on later days.
   */
  followUpsWithinMs?: number;
  /**
   * Epoch ms onto which the first day's local midnight moves: events are then stamped in epoch
   * ms from there (the embedded demo replays a historical day on the real calendar). Default:
   * the historical time, in ISO-8601 with the profile's offset.
   */
  movedTo?: number;
}

/** One kind's events of one day, consumed in time order. */
interface DayCursor {
  plan: HistoricalKindPlan;
  random: Random;
  times: Float64Array;
  compounds: Uint16Array;
  next: number;
}

const cursorFirst = (a: DayCursor, b: DayCursor): boolean => {
  const ta = a.times[a.next] ?? Infinity;
  const tb = b.times[b.next] ?? Infinity;
  return ta < tb || (ta === tb && a.plan.order < b.plan.order);
};

function openCursor(plan: HistoricalKindPlan, day: number, dayStart: number, coverageFrom: number, root: Random): DayCursor | null {
  const count = plan.dailyCounts[day - coverageFrom] ?? 0;
  if (count === 0) return null;
  // A stream per kind and day: a day's events do not depend on which days or sources run.
  const random = root.stream(`${plan.kind}/${formatDay(day)}`);
  const times = dayTimes(count, plan.hourCdf, dayStart, random);
  const compounds = new Uint16Array(count);
  for (let i = 0; i < count; i++) compounds[i] = plan.picker.pick(random.between(0, 1));
  return { plan, random, times, compounds, next: 0 };
}

/** Plans at once (so a profile that does not fit the pack fails here), then streams lazily. */
export function historicalEvents(options: HistoricalOptions): Generator<ProducerEvent, void, undefined> {
  const { fromDay, toDay } = options;
  const plan = planHistorical(options.profile, options.compounds, options.seed, options.sources, options.kinds);
  if (fromDay < plan.coverageFrom || toDay > plan.coverageTo || fromDay > toDay) {
    throw new Error(
      `days ${formatDay(fromDay)}…${formatDay(toDay)} are not inside the profile's coverage ${formatDay(plan.coverageFrom)}…${formatDay(plan.coverageTo)}`,
    );
  }
  return stream(plan, options);
}

function* stream(plan: HistoricalPlan, options: HistoricalOptions): Generator<ProducerEvent, void, undefined> {
  const { compounds, seed, fromDay, toDay } = options;
  const { clock } = plan;
  const { movedTo } = options;
  const shift = movedTo === undefined ? 0 : movedTo - clock.dayStart(fromDay);
  const stamp = movedTo === undefined ? clock.iso : (ms: number) => ms + shift;
  const pending = new MinHeap<PendingFollowUp>(followUpsFirst);
  let closeSeq = 0;

  function* closesUntil(limit: number, inclusive: boolean): Generator<ProducerEvent, void, undefined> {
    for (let top = pending.peek(); top && (top.ts < limit || (inclusive && top.ts === limit)); top = pending.peek()) {
      pending.pop();
      yield followUpEvent(top, stamp(top.ts));
    }
  }

  /** Schedules the steps of the n-th case of its source on `day`, opened by `event` at `ts`. */
  function scheduleSteps(event: ProducerEvent, source: Source, day: number, n: number, ts: number, random: Random): void {
    const casePlan = isCaseSource(source) ? plan.cases[source] : undefined;
    if (!casePlan) return;
    const fate = caseFate(casePlan, day - plan.coverageFrom, n);
    const due = (KIND_INFO[event.kind].deadlineHours ?? 0) * HOUR_MS;
    const times = stepTimes(casePlan, fate, ts, due, random);
    stepsOf(fate.stages, fate).forEach((step, i) => pending.push({ ts: times[i] ?? ts, seq: closeSeq++, open: event, step }));
  }

  for (let day = fromDay; day <= toDay; day++) {
    const dayStart = clock.dayStart(day);
    const cursors = new MinHeap<DayCursor>(cursorFirst);
    for (const kindPlan of plan.kinds) {
      const cursor = openCursor(kindPlan, day, dayStart, plan.coverageFrom, plan.random);
      if (cursor) cursors.push(cursor);
    }
    const counters = new Map<Source, number>();
    const idOf = dayIds(seed, day);
    for (let cursor = cursors.peek(); cursor; cursor = cursors.peek()) {
      const ts = cursor.times[cursor.next] ?? 0;
      // A follow-up due on the same millisecond goes first: its incident opened earlier.
      if ((pending.peek()?.ts ?? Infinity) <= ts) yield* closesUntil(ts, true);
      const { plan: kindPlan, random } = cursor;
      const n = counters.get(kindPlan.source) ?? 0;
      counters.set(kindPlan.source, n + 1);
      const compound = compounds[cursor.compounds[cursor.next] ?? 0];
      if (!compound) throw new Error('compound index out of range');
      const event = openEvent(kindPlan, compound, idOf(kindPlan.source, n), stamp(ts), random);
      const delay = kindPlan.closeDelay?.(random) ?? null;
      if (delay !== null) pending.push({ ts: ts + delay, seq: closeSeq++, open: event });
      scheduleSteps(event, kindPlan.source, day, n, ts, random);
      yield event;
      cursor.next++;
      if (cursor.next < cursor.times.length) cursors.updateTop();
      else cursors.pop();
    }
    // Follow-ups due later today; those after the run's last day only when asked for.
    yield* closesUntil(dayStart + DAY_MS, false);
  }
  const within = options.followUpsWithinMs ?? 0;
  if (within > 0) yield* closesUntil(clock.dayStart(toDay) + DAY_MS + within, false);
}
