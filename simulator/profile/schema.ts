// The shape of a profile file. Every number sits next to a `why` that says where it comes from,
// so a tester can audit (and replace) each assumption. Rules that span fields (periods tiling
// the coverage, shares adding up) live in profile/checks.ts.
import { z } from 'zod';
import { COMPOUND_KINDS } from '../../geo/schema.ts';
import { CASE_STAGES, KINDS, kindsOfSource, type CaseSource, type Source } from '../../relay/contract/index.ts';
import { parseDay, parseUtcOffset } from '../generate/calendar.ts';

/** The most events per second the load generator is asked to produce (the issue's ceiling). */
export const MAX_RATE = 100_000;

/** An error message for a leaf schema: "is required" when absent, else the rule it breaks. */
const rule = (text: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : text),
});

const why = z.string(rule('must be a text saying where the number comes from')).trim().min(1, rule('must not be empty'));
const text = z.string(rule('must be a text'));
const day = z
  .string(rule('must be a date YYYY-MM-DD'))
  .refine((value) => parseDay(value) !== null, rule('must be a date YYYY-MM-DD'));

const POSITIVE_INT = 'must be a positive integer';
const COUNT = 'must be an integer ≥ 0';
const FRACTION = 'must be a number from 0 to 1';
const positiveInt = z.number(rule(POSITIVE_INT)).int(rule(POSITIVE_INT)).positive(rule(POSITIVE_INT));
const count = z.number(rule(COUNT)).int(rule(COUNT)).nonnegative(rule(COUNT));
const fraction = z.number(rule(FRACTION)).min(0, rule(FRACTION)).max(1, rule(FRACTION));
const positive = z.number(rule('must be a number > 0')).positive(rule('must be a number > 0'));
const nonNegative = z.number(rule('must be a number ≥ 0')).nonnegative(rule('must be a number ≥ 0'));

function weightList(length: number) {
  const message = `must be a list of ${length} numbers ≥ 0, not all zero`;
  return z
    .array(z.number(rule(message)).nonnegative(rule(message)), rule(message))
    .length(length, rule(message))
    .refine((weights) => weights.some((w) => w > 0), rule(message));
}

const span = { from: day, to: day };

const specialDays = z.strictObject({ ...span, factor: nonNegative, why });

/** When in the day, week and year events happen; relative weights, normalised by the generator. */
const shapeFields = {
  hourOfDay: weightList(24),
  /** Monday first. */
  dayOfWeek: weightList(7),
  monthOfYear: weightList(12),
  /** Holidays and the like: the day weight is multiplied by `factor` from `from` to `to`. */
  specialDays: z.array(specialDays, rule('must be a list')),
};
const shape = z.strictObject({ ...shapeFields, specialDays: shapeFields.specialDays.default([]), why });
const shapeOverride = z.strictObject({
  hourOfDay: shapeFields.hourOfDay.optional(),
  dayOfWeek: shapeFields.dayOfWeek.optional(),
  monthOfYear: shapeFields.monthOfYear.optional(),
  specialDays: shapeFields.specialDays.optional(),
  why,
});

/** How events are spread over compounds: by head count, by elderly head count, or by homes. */
const COMPOUND_WEIGHTS = ['residents', 'elderly', 'households'] as const;
const compounds = z.strictObject({
  weight: z.enum(COMPOUND_WEIGHTS, rule(`must be one of ${COMPOUND_WEIGHTS.join(', ')}`)),
  /** Only compounds of these kinds get events (e.g. door sensors went into 售后公房 only). */
  kinds: z
    .array(z.enum(COMPOUND_KINDS, rule(`must be one of ${COMPOUND_KINDS.join(', ')}`)), rule('must be a list'))
    .min(1, rule('must name at least one compound kind'))
    .optional(),
  why,
});

/** Share of events that carry a position inside the compound instead of its id. */
const located = z.strictObject({
  share: fraction,
  /** Of those, the share whose position comes in GCJ-02 (Amap) rather than WGS84. */
  gcj02Share: fraction.default(0),
  why,
});

/** Incident follow-ups: a `closed` event after a log-normal delay, for `closeRate` of incidents. */
const lifecycle = z
  .strictObject({ closeRate: fraction, medianMinutes: positive, p90Minutes: positive, why })
  .refine((l) => l.p90Minutes >= l.medianMinutes, {
    path: ['p90Minutes'],
    error: 'must be at least medianMinutes',
  });

const devices = z.strictObject({ perCompound: positiveInt, why });

const countPeriod = z.strictObject({ ...span, count, why: why.optional() });
const totalPeriod = z.strictObject({ ...span, total: count, why });

/** A kind's volume comes from exactly one of `share`, `counts` or `perResidentPerDay`. */
const VOLUME_FIELDS = ['share', 'counts', 'perResidentPerDay'] as const;
const kindSpec = z
  .strictObject({
    why,
    /** Share of the source's `totals`. */
    share: fraction.optional(),
    /** Exact counts per period; the periods must tile the profile's coverage. */
    counts: z.array(countPeriod, rule('must be a list')).min(1, rule('must list at least one period')).optional(),
    /** A rate: events per resident of the eligible compounds per average day. */
    perResidentPerDay: nonNegative.optional(),
    shape: shapeOverride.optional(),
    compounds: compounds.optional(),
    located: located.optional(),
    lifecycle: lifecycle.optional(),
    devices: devices.optional(),
  })
  .superRefine((spec, ctx) => {
    const given = VOLUME_FIELDS.filter((field) => spec[field] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `must give exactly one of ${VOLUME_FIELDS.join(', ')}${given.length > 1 ? ` (got ${given.join(' and ')})` : ''}`,
      });
    }
  });

function sourceSpec(source: Source) {
  const kinds = kindsOfSource(source) as [string, ...string[]];
  return z.strictObject({
    why,
    /** Source-wide totals per period, split over the kinds that give a `share`. */
    totals: z.array(totalPeriod, rule('must be a list')).min(1, rule('must list at least one period')).optional(),
    shape,
    compounds,
    located,
    lifecycle: lifecycle.optional(),
    kinds: z.partialRecord(z.enum(kinds), kindSpec, rule('must be an object of kinds')),
  });
}

/** Time from a case's previous step (or its opening) to a step: log-normal, by median and p90. */
const stepDelay = z
  .strictObject({ medianMinutes: positive, p90Minutes: positive })
  .refine((d) => d.p90Minutes >= d.medianMinutes, { path: ['p90Minutes'], error: 'must be at least medianMinutes' });

/** The outcomes a source's steps carry, counted like the stages. */
const CASE_OUTCOMES = { grid: [], hotline: ['onTime', 'resolved', 'satisfied'] } as const satisfies Record<CaseSource, readonly string[]>;

/**
 * How the cases of one `totals` period go on: exactly how many reach each stage (and, for the
 * hotline, each outcome) — whole numbers, so the published rates come out exactly — and how long
 * each step takes. A case reaches its stages in order; one that reaches a stage took every stage
 * before it.
 */
function caseLifecycle(source: CaseSource) {
  const counts = Object.fromEntries([...CASE_STAGES[source], ...CASE_OUTCOMES[source]].map((name) => [name, count]));
  const delays = Object.fromEntries(CASE_STAGES[source].map((stage) => [stage, stepDelay]));
  return z.strictObject({
    periods: z.array(z.strictObject({ ...span, ...counts, why }), rule('must be a list')).min(1, rule('must list at least one period')),
    steps: z.strictObject({ ...delays, why }),
    why,
  });
}

/** A source of cases: like any source, with `totals` (split by `share`) and the cases' lifecycle. */
function caseSourceSpec(source: CaseSource) {
  const base = sourceSpec(source).omit({ lifecycle: true });
  return base.extend({ totals: base.shape.totals.unwrap(), cases: caseLifecycle(source) });
}

const dateRange = z.strictObject({ ...span, why });

export const historicalProfileSchema = z.strictObject({
  type: z.literal('historical'),
  description: text,
  timeZone: z.strictObject({
    name: text,
    utcOffset: z
      .string(rule('must be an offset like +08:00'))
      .refine((value) => parseUtcOffset(value) !== null, rule('must be an offset like +08:00')),
    why,
  }),
  /** The run's default window (the article's pilot window). */
  window: dateRange,
  /** The days the volumes cover; `--from`/`--to` may range over them. */
  coverage: dateRange,
  sensor: sourceSpec('sensor').optional(),
  camera: sourceSpec('camera').optional(),
  alarm110: sourceSpec('alarm110').optional(),
  grid: caseSourceSpec('grid').optional(),
  hotline: caseSourceSpec('hotline').optional(),
});

const loadPhase = z.strictObject({
  name: text,
  /** Share of the run's duration. */
  share: positive,
  /** Rates at the phase's start and end as multiples of the target rate; linear in between. */
  fromRate: nonNegative,
  toRate: nonNegative,
  why,
});

export const loadProfileSchema = z.strictObject({
  type: z.literal('load'),
  description: text,
  timeZone: historicalProfileSchema.shape.timeZone,
  rate: z.strictObject({ default: positiveInt, why }),
  duration: z.strictObject({ defaultSeconds: positive, why }),
  phases: z.array(loadPhase, rule('must be a list')).min(1, rule('must list at least one phase')),
  mix: z.partialRecord(
    z.enum(KINDS as [string, ...string[]]),
    z.strictObject({ share: fraction, why }),
    rule('must be an object of kinds'),
  ),
  compounds,
  located,
  lifecycle: z
    .strictObject({ closeRate: fraction, minSeconds: positive, maxSeconds: positive, why })
    .refine((l) => l.maxSeconds >= l.minSeconds, { path: ['maxSeconds'], error: 'must be at least minSeconds' }),
  /**
   * Grid and hotline cases: `closeRate` of them go through every stage to closed, the others stop
   * after the first; each step comes the lifecycle's delay after the one before. Hotline outcomes
   * are drawn with these shares.
   */
  cases: z.strictObject({ onTime: fraction, resolved: fraction, satisfied: fraction, why }).optional(),
});

export const profileSchema = z.discriminatedUnion('type', [historicalProfileSchema, loadProfileSchema], {
  error: (issue) => {
    const input: unknown = issue.input;
    const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
    return isObject ? 'must be "historical" or "load"' : 'must be a JSON object';
  },
});

export type HistoricalProfile = z.output<typeof historicalProfileSchema>;
export type LoadProfile = z.output<typeof loadProfileSchema>;
export type Profile = z.output<typeof profileSchema>;
export type SourceSpec = NonNullable<HistoricalProfile['sensor']> | CaseSourceSpec;
export type CaseSourceSpec = NonNullable<HistoricalProfile['grid']> | NonNullable<HistoricalProfile['hotline']>;
export type CaseLifecycle = CaseSourceSpec['cases'];
export type KindSpec = NonNullable<NonNullable<HistoricalProfile['sensor']>['kinds'][string]>;
export type Shape = SourceSpec['shape'];
export type ShapeOverride = NonNullable<KindSpec['shape']>;
export type CompoundSpec = SourceSpec['compounds'];
export type LocatedSpec = SourceSpec['located'];
export type LoadPhase = LoadProfile['phases'][number];
