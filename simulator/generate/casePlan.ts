// The fate of every grid and hotline case of a historical run, fixed before the first event:
// how far each case gets (its last stage) and, for the hotline, its outcomes. The profile gives
// whole numbers per period (e.g. 25,756 of 28,554 grid cases closed), and exactly that many cases
// of the period get each fate, chosen by a seeded shuffle. A case is known by its ordinal in its
// period (the n-th case of the source), which depends on day counts alone, so any window of the
// run gives each case the same fate as the full run.
import type { Random } from '../../lib/random.ts';
import { CASE_STAGES, type CaseSource, type CaseStage, type CaseStep } from '../../relay/contract/index.ts';
import type { CaseSourceSpec } from '../profile/schema.ts';
import { dayOf, type LocalClock } from './calendar.ts';
import { logNormalDelay } from './lifecycle.ts';

const ON_TIME = 1;
const RESOLVED = 2;
const SATISFIED = 4;

interface CasePeriod {
  /** First instant after the period's last day: every step of its cases comes before it. */
  endMs: number;
  /** Per case ordinal: how many stages the case reaches (0: it only opens). */
  depth: Uint8Array;
  /** Per case ordinal: ON_TIME | RESOLVED | SATISFIED. */
  outcomes: Uint8Array;
}

export interface CasePlan {
  source: CaseSource;
  periods: CasePeriod[];
  /** Per coverage day: its period's index, and the source's cases on the period's earlier days. */
  periodOfDay: Int32Array;
  casesBefore: Int32Array;
  /** Time from the previous step (or the opening) to each stage. */
  delays: Readonly<Record<string, (random: Random) => number>>;
}

export interface CaseFate extends CaseOutcomes {
  /** The stages the case goes through, in order. */
  stages: readonly CaseStage[];
  /** Every step comes before this instant (the end of the case's period). */
  endMs: number;
}

export interface CaseOutcomes {
  onTime: boolean;
  resolved: boolean;
  satisfied: boolean;
}

/** The steps through `stages`, each with the outcomes its stage carries. */
export function stepsOf(stages: readonly CaseStage[], outcomes: CaseOutcomes): CaseStep[] {
  return stages.map((stage): CaseStep => {
    if (stage === 'finished') return { stage, onTime: outcomes.onTime };
    if (stage === 'reviewed') return { stage, resolved: outcomes.resolved, satisfied: outcomes.satisfied };
    return { stage };
  });
}

/** The ordinals 0…n−1 in a seeded random order. */
function shuffled(n: number, random: Random): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(0, i);
    const swap = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = swap;
  }
  return order;
}

/** Marks `count` of the first `among` cases of `order` (themselves in random order) with `bit`. */
function markOutcome(outcomes: Uint8Array, order: Int32Array, among: number, count: number, bit: number, random: Random): void {
  const chosen = shuffled(among, random);
  for (let i = 0; i < count; i++) {
    const ordinal = order[chosen[i] ?? 0] ?? 0;
    outcomes[ordinal] = (outcomes[ordinal] ?? 0) | bit;
  }
}

/** `dailyCases`: the source's cases per coverage day (all its kinds together). */
export function planCases(
  source: CaseSource,
  spec: CaseSourceSpec,
  dailyCases: Int32Array,
  coverageFrom: number,
  clock: LocalClock,
  random: Random,
): CasePlan {
  const stages = CASE_STAGES[source];
  const periodOfDay = new Int32Array(dailyCases.length).fill(-1);
  const casesBefore = new Int32Array(dailyCases.length);
  const periods = spec.cases.periods.map((period, index): CasePeriod => {
    const from = dayOf(period.from) - coverageFrom;
    const to = dayOf(period.to) - coverageFrom;
    let n = 0;
    for (let day = from; day <= to; day++) {
      periodOfDay[day] = index;
      casesBefore[day] = n;
      n += dailyCases[day] ?? 0;
    }
    const counts = period as unknown as Readonly<Record<string, number>>;
    const stream = random.stream(`${source}/cases/${index}`);
    const order = shuffled(n, stream);
    const depth = new Uint8Array(n);
    // The first `count(stage k)` cases of the order reach stage k; counts do not grow with k. A
    // run of some kinds only (the embedded demo's extra draws) has fewer cases than the profile counts.
    const upTo = (name: string) => Math.min(counts[name] ?? 0, n);
    stages.forEach((stage, k) => {
      for (let i = 0; i < upTo(stage); i++) depth[order[i] ?? 0] = k + 1;
    });
    const outcomes = new Uint8Array(n);
    if (source === 'hotline') {
      markOutcome(outcomes, order, upTo('finished'), upTo('onTime'), ON_TIME, stream);
      markOutcome(outcomes, order, upTo('reviewed'), upTo('resolved'), RESOLVED, stream);
      markOutcome(outcomes, order, upTo('reviewed'), upTo('satisfied'), SATISFIED, stream);
    }
    return { endMs: clock.dayStart(coverageFrom + to + 1), depth, outcomes };
  });
  const steps = spec.cases.steps as unknown as Readonly<Record<string, { medianMinutes: number; p90Minutes: number } | undefined>>;
  const delays = Object.fromEntries(
    stages.map((stage) => {
      const delay = steps[stage];
      if (!delay) throw new Error(`${source}.cases.steps.${stage} is missing`);
      return [stage, logNormalDelay(delay)];
    }),
  );
  return { source, periods, periodOfDay, casesBefore, delays };
}

/** The fate of the n-th case of the source on a coverage day (0-based index into the coverage). */
export function caseFate(plan: CasePlan, coverageDay: number, n: number): CaseFate {
  const period = plan.periods[plan.periodOfDay[coverageDay] ?? -1];
  if (!period) throw new Error(`no case period covers day ${coverageDay} of the coverage`);
  const ordinal = (plan.casesBefore[coverageDay] ?? 0) + n;
  const outcome = period.outcomes[ordinal] ?? 0;
  return {
    stages: CASE_STAGES[plan.source].slice(0, period.depth[ordinal] ?? 0),
    onTime: (outcome & ON_TIME) !== 0,
    resolved: (outcome & RESOLVED) !== 0,
    satisfied: (outcome & SATISFIED) !== 0,
    endMs: period.endMs,
  };
}

/**
 * When each step of a case comes, from its opening at `openedAt`: one delay after another. A
 * hotline case finished on time is finished by its deadline (`dueMs`), one that is not after it.
 * Steps that would fall after the case's period are brought forward into it, gaps shrunk in
 * proportion, so a period's counts hold for a run over that period.
 */
export function stepTimes(plan: CasePlan, fate: CaseFate, openedAt: number, dueMs: number, random: Random): number[] {
  const times: number[] = [];
  let at = openedAt;
  for (const stage of fate.stages) {
    at += plan.delays[stage]?.(random) ?? 0;
    times.push(at);
  }
  const finished = fate.stages.indexOf('finished');
  if (finished >= 0) {
    const before = finished === 0 ? openedAt : (times[finished - 1] ?? openedAt);
    const drawn = times[finished] ?? before;
    const due = openedAt + dueMs;
    let moved = drawn;
    if (fate.onTime && drawn > due) moved = Math.max(before, before + (due - before) * random.between(0.3, 0.95));
    else if (!fate.onTime && drawn <= due) moved = Math.max(before, due) + (drawn - before);
    for (let i = finished; i < times.length; i++) times[i] = (times[i] ?? 0) + (moved - drawn);
  }
  const last = times[times.length - 1] ?? openedAt;
  if (last < fate.endMs) return times.map(Math.round);
  const scale = (fate.endMs - 1 - openedAt) / (last - openedAt);
  return times.map((time) => openedAt + Math.floor((time - openedAt) * scale));
}
