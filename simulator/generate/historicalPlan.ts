// From a historical profile and the compounds to everything the stream needs per kind: how
// many events fall on each day of the coverage (exact per period), when in the day, where, and
// how incidents close. Day counts are fixed here, once, so any window of the run draws the same
// days as the full run.
import { seededRandom, type Random } from '../../lib/random.ts';
import { isCaseSource, KIND_INFO, KINDS, type CaseSource, type Kind, type Source } from '../../relay/contract/index.ts';
import type { HistoricalProfile, KindSpec, SourceSpec } from '../profile/schema.ts';
import { largestRemainder, systematicRound } from './apportion.ts';
import { dayOf, localClock, parseUtcOffset, type LocalClock } from './calendar.ts';
import { planCases, type CasePlan } from './casePlan.ts';
import { compoundPicker, type SimCompound } from './compounds.ts';
import type { KindPlan } from './eventFactory.ts';
import { logNormalCloseDelay } from './lifecycle.ts';
import { dayWeights, hourCdf, resolveShape, type ResolvedShape } from './shape.ts';

export interface HistoricalKindPlan extends KindPlan {
  /** Position in the contract's kind list: breaks ties between kinds on the same millisecond. */
  order: number;
  /** Events per day, index 0 = the coverage's first day. */
  dailyCounts: Int32Array;
  hourCdf: Float64Array;
}

export interface HistoricalPlan {
  seed: number;
  clock: LocalClock;
  coverageFrom: number;
  coverageTo: number;
  random: Random;
  kinds: HistoricalKindPlan[];
  /** The fates of the cases of each grid or hotline source in the run. */
  cases: Partial<Record<CaseSource, CasePlan>>;
}

interface Coverage {
  from: number;
  to: number;
}

/** Adds `total` events spread over the days of one period (by their weights) into `daily`. */
function spreadOverPeriod(
  daily: Int32Array,
  coverage: Coverage,
  period: { from: string; to: string },
  total: number,
  shape: ResolvedShape,
  offset: number,
): void {
  const from = dayOf(period.from);
  const counts = systematicRound(total, dayWeights(shape, from, dayOf(period.to)), offset);
  daily.set(counts, from - coverage.from);
}

function dailyCountsOf(
  kind: Kind,
  spec: KindSpec,
  source: SourceSpec,
  shape: ResolvedShape,
  coverage: Coverage,
  eligibleResidents: number,
  random: Random,
): Int32Array {
  const daily = new Int32Array(coverage.to - coverage.from + 1);
  // One rounding offset per period, from a stream of its own: the same days whatever the run's window.
  const offset = (i: number) => random.stream(`${kind}/volume/${i}`).between(0, 1);
  if (spec.counts) {
    spec.counts.forEach((period, i) => spreadOverPeriod(daily, coverage, period, period.count, shape, offset(i)));
  } else if (spec.share !== undefined) {
    const sharing = Object.entries(source.kinds).filter(([, s]) => s?.share !== undefined);
    const mine = sharing.findIndex(([k]) => k === kind);
    (source.totals ?? []).forEach((period, i) => {
      const split = largestRemainder(period.total, sharing.map(([, s]) => s?.share ?? 0));
      spreadOverPeriod(daily, coverage, period, split[mine] ?? 0, shape, offset(i));
    });
  } else {
    const days = coverage.to - coverage.from + 1;
    const total = Math.round((spec.perResidentPerDay ?? 0) * eligibleResidents * days);
    daily.set(systematicRound(total, dayWeights(shape, coverage.from, coverage.to), offset(0)));
  }
  return daily;
}

function planKind(
  kind: Kind,
  spec: KindSpec,
  source: SourceSpec,
  sourceName: Source,
  compounds: readonly SimCompound[],
  coverage: Coverage,
  random: Random,
): HistoricalKindPlan {
  const path = `${sourceName}.kinds.${kind}`;
  const shape = resolveShape(source.shape, spec.shape);
  const picker = compoundPicker(compounds, spec.compounds ?? source.compounds, `${path}.compounds`);
  const incident = KIND_INFO[kind].incident;
  const lifecycle = spec.lifecycle ?? ('lifecycle' in source ? source.lifecycle : undefined);
  const plan: HistoricalKindPlan = {
    kind,
    source: sourceName,
    incident,
    order: KINDS.indexOf(kind),
    picker,
    located: spec.located ?? source.located,
    dailyCounts: dailyCountsOf(kind, spec, source, shape, coverage, picker.eligibleResidents, random),
    hourCdf: hourCdf(shape.hourOfDay),
  };
  if (spec.devices) plan.devicesPerCompound = spec.devices.perCompound;
  if (incident && lifecycle) plan.closeDelay = logNormalCloseDelay(lifecycle);
  return plan;
}

/** Plans the kinds of `sources` that `kinds` accepts (all of them by default). */
export function planHistorical(
  profile: HistoricalProfile,
  compounds: readonly SimCompound[],
  seed: number,
  sources: readonly Source[],
  kinds: (kind: Kind) => boolean = () => true,
): HistoricalPlan {
  const offsetMinutes = parseUtcOffset(profile.timeZone.utcOffset);
  if (offsetMinutes === null) throw new Error(`timeZone.utcOffset is not an offset: ${profile.timeZone.utcOffset}`);
  const coverage = { from: dayOf(profile.coverage.from), to: dayOf(profile.coverage.to) };
  const random = seededRandom(seed);
  const clock = localClock(offsetMinutes);
  const plans: HistoricalKindPlan[] = [];
  const cases: HistoricalPlan['cases'] = {};
  for (const sourceName of sources) {
    const source = profile[sourceName];
    if (!source) continue;
    const planned: HistoricalKindPlan[] = [];
    for (const kind of KINDS) {
      const spec = source.kinds[kind];
      if (spec && kinds(kind)) planned.push(planKind(kind, spec, source, sourceName, compounds, coverage, random));
    }
    plans.push(...planned);
    const caseSpec = isCaseSource(sourceName) ? profile[sourceName] : undefined;
    if (caseSpec && isCaseSource(sourceName)) {
      const daily = new Int32Array(coverage.to - coverage.from + 1);
      for (const plan of planned) plan.dailyCounts.forEach((count, day) => (daily[day] = (daily[day] ?? 0) + count));
      cases[sourceName] = planCases(sourceName, caseSpec, daily, coverage.from, clock, random);
    }
  }
  return { seed, clock, coverageFrom: coverage.from, coverageTo: coverage.to, random, kinds: plans, cases };
}
