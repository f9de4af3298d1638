// The load-test stream: events on the schedule of the load profile's phases, kinds drawn from
// its mix, compounds by residents, incidents closed a few seconds to a minute later, and grid and
// hotline cases stepped through their stages at the same pace. A due
// follow-up takes the next slot of the schedule, so the rate stays the one asked for.
import { seededRandom, type Random } from '../../lib/random.ts';
import { CASE_STAGES, isCaseSource, KIND_INFO, KINDS, type Kind, type ProducerEvent, type Source } from '../../relay/contract/index.ts';
import type { LoadProfile } from '../profile/schema.ts';
import { localClock, parseUtcOffset, type LocalClock } from './calendar.ts';
import { stepsOf } from './casePlan.ts';
import { compoundPicker, type SimCompound } from './compounds.ts';
import { followUpEvent, followUpsFirst, openEvent, type KindPlan, type PendingFollowUp } from './eventFactory.ts';
import { loadId } from './ids.ts';
import { uniformCloseDelay } from './lifecycle.ts';
import { scheduleOffsets } from './loadSchedule.ts';
import { MinHeap } from '../../lib/minHeap.ts';

export interface LoadOptions {
  profile: LoadProfile;
  compounds: readonly SimCompound[];
  seed: number;
  sources: readonly Source[];
  /** Target rate in events per second; the phases' rates are multiples of it. */
  rate: number;
  durationMs: number;
  /** Epoch ms of the schedule's start: the first event's timestamp. */
  startMs: number;
}

interface MixEntry {
  plan: KindPlan;
  /** Cumulative share, the last one 1. */
  upTo: number;
}

function mixOf(options: LoadOptions): MixEntry[] {
  const { profile, compounds, sources } = options;
  const picker = compoundPicker(compounds, profile.compounds, 'compounds');
  const closeDelay = uniformCloseDelay(profile.lifecycle);
  const kinds = KINDS.filter((kind) => sources.includes(KIND_INFO[kind].source) && (profile.mix[kind]?.share ?? 0) > 0);
  if (kinds.length === 0) throw new Error(`the load profile's mix has no kind of ${sources.join(', ')}`);
  const total = kinds.reduce((sum, kind) => sum + (profile.mix[kind]?.share ?? 0), 0);
  let running = 0;
  return kinds.map((kind: Kind, i) => {
    running += profile.mix[kind]?.share ?? 0;
    const { source, incident } = KIND_INFO[kind];
    const plan: KindPlan = { kind, source, incident, picker, located: profile.located };
    if (incident) plan.closeDelay = closeDelay;
    return { plan, upTo: i === kinds.length - 1 ? 1 : running / total };
  });
}

/** Checks the options at once (so an empty mix fails here), then streams lazily. */
export function loadEvents(options: LoadOptions): Generator<ProducerEvent, void, undefined> {
  const offset = parseUtcOffset(options.profile.timeZone.utcOffset);
  if (offset === null) throw new Error(`timeZone.utcOffset is not an offset: ${options.profile.timeZone.utcOffset}`);
  return stream(options, localClock(offset), mixOf(options));
}

/** The steps of a load case, each a lifecycle delay after the one before; `closeRate` of cases reach closed. */
function scheduleCaseSteps(profile: LoadProfile, event: ProducerEvent, source: Source, ts: number, random: Random, push: (step: PendingFollowUp) => void): void {
  const { cases, lifecycle } = profile;
  if (!isCaseSource(source) || !cases) return;
  const stages = CASE_STAGES[source];
  const reached = random.between(0, 1) < lifecycle.closeRate ? stages : stages.slice(0, 1);
  const outcomes = {
    onTime: random.between(0, 1) < cases.onTime,
    resolved: random.between(0, 1) < cases.resolved,
    satisfied: random.between(0, 1) < cases.satisfied,
  };
  let at = ts;
  for (const step of stepsOf(reached, outcomes)) {
    at += Math.round(random.between(lifecycle.minSeconds, lifecycle.maxSeconds) * 1000);
    push({ ts: at, seq: 0, open: event, step });
  }
}

function* stream(options: LoadOptions, clock: LocalClock, mix: readonly MixEntry[]): Generator<ProducerEvent, void, undefined> {
  const { profile, compounds, seed, startMs } = options;
  const random = seededRandom(seed).stream('load');
  const startLabel = clock.iso(startMs).slice(0, 19).replace(/[-:]/g, '');
  const pending = new MinHeap<PendingFollowUp>(followUpsFirst);
  let n = 0;
  let closeSeq = 0;
  for (const offsetMs of scheduleOffsets(profile.phases, options.rate, options.durationMs)) {
    const ts = startMs + Math.floor(offsetMs);
    const due = pending.peek();
    if (due && due.ts <= ts) {
      pending.pop();
      yield followUpEvent(due, clock.iso(ts));
      continue;
    }
    const u = random.between(0, 1);
    const { plan } = mix.find((entry) => u < entry.upTo) ?? (mix[mix.length - 1] as MixEntry);
    const compound = compounds[plan.picker.pick(random.between(0, 1))];
    if (!compound) throw new Error('compound index out of range');
    const event = openEvent(plan, compound, loadId(seed, startLabel, n++), clock.iso(ts), random);
    const delay = plan.closeDelay?.(random) ?? null;
    if (delay !== null) pending.push({ ts: ts + delay, seq: closeSeq++, open: event });
    scheduleCaseSteps(profile, event, plan.source, ts, random, (step) => pending.push({ ...step, seq: closeSeq++ }));
    yield event;
  }
}
