// Rules of a profile that span several fields, checked after the schema has passed: periods
// that tile the coverage, shares that add up, counts that have days to fall on.
import { CASE_STAGES, isCaseKind, isCaseSource, isIncidentKind, isKind, SOURCES, type CaseSource } from '../../relay/contract/index.ts';
import { dayOf, formatDay } from '../generate/calendar.ts';
import { dayWeights, resolveShape } from '../generate/shape.ts';
import { MAX_RATE, type CaseSourceSpec, type HistoricalProfile, type LoadProfile, type Profile, type SourceSpec } from './schema.ts';

export interface ProfileProblem {
  /** Dotted path of the field, e.g. `alarm110.kinds.theft.counts[2].from`. */
  path: string;
  message: string;
}

const SHARE_TOLERANCE = 1e-6;

interface Span {
  from: string;
  to: string;
}

function checkSpan(span: Span, path: string): ProfileProblem[] {
  return dayOf(span.from) > dayOf(span.to) ? [{ path: `${path}.to`, message: `must not be before from (${span.from})` }] : [];
}

/** Periods must follow each other day after day from the coverage's first day to its last. */
function checkTiling(periods: readonly Span[], coverage: Span, path: string): ProfileProblem[] {
  let expected = dayOf(coverage.from);
  for (const [i, period] of periods.entries()) {
    const spanProblems = checkSpan(period, `${path}[${i}]`);
    if (spanProblems.length > 0) return spanProblems;
    if (dayOf(period.from) !== expected) {
      const after = i === 0 ? "the coverage's first day" : 'the day after the previous period';
      return [{ path: `${path}[${i}].from`, message: `must be ${formatDay(expected)} (${after})` }];
    }
    expected = dayOf(period.to) + 1;
  }
  const last = periods.length - 1;
  if (expected - 1 !== dayOf(coverage.to)) {
    return [{ path: `${path}[${last}].to`, message: `must be ${coverage.to} (the coverage's last day)` }];
  }
  return [];
}

function hasWeight(weights: Float64Array): boolean {
  return weights.some((w) => w > 0);
}

function checkSource(source: SourceSpec, name: string, coverage: Span): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  if (source.totals) problems.push(...checkTiling(source.totals, coverage, `${name}.totals`));
  const kinds = Object.entries(source.kinds);
  const shares = kinds.filter(([, spec]) => spec?.share !== undefined);
  if (shares.length > 0 && !source.totals) {
    problems.push({ path: `${name}.totals`, message: 'is required when a kind gives a share' });
  }
  if (source.totals && shares.length === 0) {
    problems.push({ path: `${name}.totals`, message: 'needs at least one kind that gives a share' });
  }
  const shareSum = shares.reduce((sum, [, spec]) => sum + (spec?.share ?? 0), 0);
  if (shares.length > 0 && Math.abs(shareSum - 1) > SHARE_TOLERANCE) {
    problems.push({ path: `${name}.kinds`, message: `shares must add up to 1, got ${shareSum.toFixed(6)}` });
  }
  for (const [kind, spec] of kinds) {
    if (!spec) continue;
    const path = `${name}.kinds.${kind}`;
    if (spec.lifecycle && isKind(kind) && !isIncidentKind(kind)) {
      problems.push({ path: `${path}.lifecycle`, message: `is not allowed: ${kind} is not an incident kind` });
    }
    const shape = resolveShape(source.shape, spec.shape);
    for (const [i, special] of shape.specialDays.entries()) {
      if (special.fromDay > special.toDay) {
        problems.push({ path: `${path}.shape.specialDays[${i}].to`, message: 'must not be before from' });
      }
    }
    const periods = spec.counts?.map((p) => ({ ...p, amount: p.count }));
    const sharePeriods = spec.share ? source.totals?.map((p) => ({ ...p, amount: p.total })) : undefined;
    if (spec.counts) problems.push(...checkTiling(spec.counts, coverage, `${path}.counts`));
    for (const [i, period] of (periods ?? sharePeriods ?? []).entries()) {
      if (period.amount === 0 || dayOf(period.from) > dayOf(period.to)) continue;
      if (!hasWeight(dayWeights(shape, dayOf(period.from), dayOf(period.to)))) {
        const where = periods ? `${path}.counts[${i}]` : `${name}.totals[${i}] (share of ${kind})`;
        problems.push({
          path: where,
          message: `puts ${kind} events on ${period.from}…${period.to}, where its shape gives every day weight 0`,
        });
      }
    }
  }
  return problems;
}

/** Each count that may not exceed another: a stage's cases took the stage before; outcomes are of their stage. */
function caseBounds(source: CaseSource): [string, string][] {
  const stages = CASE_STAGES[source];
  const bounds: [string, string][] = stages.slice(1).map((stage, i) => [stage, stages[i] as string]);
  if (source === 'hotline') bounds.push(['onTime', 'finished'], ['resolved', 'reviewed'], ['satisfied', 'reviewed']);
  return bounds;
}

/** Case periods are the totals' periods; their counts nest and fit the period's total; every kind gives a share. */
function checkCases(spec: CaseSourceSpec, source: CaseSource): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const { periods } = spec.cases;
  spec.totals.forEach((total, i) => {
    const period = periods[i];
    const path = `${source}.cases.periods[${i}]`;
    if (!period || period.from !== total.from || period.to !== total.to) {
      problems.push({ path, message: `must cover ${total.from}…${total.to}, as ${source}.totals[${i}] does` });
      return;
    }
    const counts = period as unknown as Record<string, number>;
    const first = CASE_STAGES[source][0];
    if ((counts[first] ?? 0) > total.total) problems.push({ path: `${path}.${first}`, message: `must be at most the period's total ${total.total}` });
    for (const [name, bound] of caseBounds(source)) {
      if ((counts[name] ?? 0) > (counts[bound] ?? 0)) problems.push({ path: `${path}.${name}`, message: `must be at most ${bound} (${counts[bound]})` });
    }
  });
  if (periods.length > spec.totals.length) {
    problems.push({ path: `${source}.cases.periods`, message: `must list the ${spec.totals.length} periods of ${source}.totals` });
  }
  for (const [kind, kindSpec] of Object.entries(spec.kinds)) {
    if (kindSpec && kindSpec.share === undefined) {
      problems.push({ path: `${source}.kinds.${kind}`, message: 'must give a share: cases are counted per period of totals' });
    }
  }
  return problems;
}

function checkHistorical(profile: HistoricalProfile): ProfileProblem[] {
  const problems = [...checkSpan(profile.window, 'window'), ...checkSpan(profile.coverage, 'coverage')];
  if (problems.length > 0) return problems;
  if (dayOf(profile.window.from) < dayOf(profile.coverage.from) || dayOf(profile.window.to) > dayOf(profile.coverage.to)) {
    problems.push({ path: 'window', message: `must lie inside the coverage ${profile.coverage.from}…${profile.coverage.to}` });
  }
  const sources = SOURCES.filter((source) => profile[source] !== undefined);
  if (sources.length === 0) problems.push({ path: 'sensor', message: `at least one of ${SOURCES.join(', ')} is required` });
  for (const source of sources) {
    const spec = profile[source];
    if (spec) problems.push(...checkSource(spec, source, profile.coverage));
  }
  for (const source of sources.filter(isCaseSource)) {
    const spec = profile[source];
    if (spec) problems.push(...checkCases(spec, source));
  }
  return problems;
}

function checkLoad(profile: LoadProfile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const phaseSum = profile.phases.reduce((sum, phase) => sum + phase.share, 0);
  if (Math.abs(phaseSum - 1) > SHARE_TOLERANCE) {
    problems.push({ path: 'phases', message: `shares must add up to 1, got ${phaseSum.toFixed(6)}` });
  }
  const mix = Object.values(profile.mix);
  const mixSum = mix.reduce((sum, entry) => sum + (entry?.share ?? 0), 0);
  if (Math.abs(mixSum - 1) > SHARE_TOLERANCE) {
    problems.push({ path: 'mix', message: `shares must add up to 1, got ${mixSum.toFixed(6)}` });
  }
  const caseKinds = Object.keys(profile.mix).filter((kind) => isKind(kind) && isCaseKind(kind));
  if (caseKinds.length > 0 && !profile.cases) {
    problems.push({ path: 'cases', message: `is required: the mix has grid or hotline kinds (${caseKinds.join(', ')})` });
  }
  const peak = profile.rate.default * peakFactor(profile);
  if (peak > MAX_RATE) {
    problems.push({ path: 'rate.default', message: `peaks at ${peak} events/s with the phases; at most ${MAX_RATE} are supported` });
  }
  return problems;
}

/** The highest multiple of the target rate any phase reaches. */
export function peakFactor(profile: LoadProfile): number {
  return Math.max(...profile.phases.map((phase) => Math.max(phase.fromRate, phase.toRate)));
}

export function checkProfile(profile: Profile): ProfileProblem[] {
  return profile.type === 'historical' ? checkHistorical(profile) : checkLoad(profile);
}
