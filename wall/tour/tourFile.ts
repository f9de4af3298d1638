// The shape of a tour file (wall/tours/*.json): steps of a story told on the wall, each with a
// camera shot, a title and caption in both languages, what the map highlights, which heat it
// shows and up to four stat cards. A stat card either binds to a live figure of the relay's
// view or shows a figure quoted from the tour's source, never a number typed in as if live.
import { z } from 'zod';
import { COMPOUND_KINDS } from '../../geo/schema.ts';
import { ALARM_SOURCES, CASE_RATES, CASE_SOURCES, KINDS } from '../../relay/contract/index.ts';

/** An error message for a leaf schema: "is required" when absent, else the rule it breaks. */
const rule = (text: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : text),
});

const text = z.string(rule('must be a text')).trim().min(1, rule('must not be empty'));
const label = z.strictObject({ zh: text, en: text }, rule('must be an object { zh, en }'));
const list = <T extends z.ZodType>(item: T) => z.array(item, rule('must be a list'));

function between(min: number, max: number) {
  const message = `must be a number from ${min} to ${max}`;
  return z.number(rule(message)).min(min, rule(message)).max(max, rule(message));
}

const DWELL = 'must be a whole number of milliseconds from 3000 to 600000';
const dwellMs = z.number(rule(DWELL)).int(rule(DWELL)).min(3_000, rule(DWELL)).max(600_000, rule(DWELL));

/** One of a fixed list, named in the message. */
const oneOf = <const T extends readonly string[]>(values: T) =>
  z.enum(values, rule(`must be one of ${values.join(', ')}`));

/** A union told apart by one field; zod names that field in the issue's path. */
const taggedBy = <const O extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]>(
  field: string,
  values: readonly string[],
  options: O,
) =>
  z.discriminatedUnion(field, options, {
    error: (issue) => {
      const input: unknown = issue.input;
      if (input === undefined) return 'is required';
      const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
      return isObject ? `must be one of ${values.join(', ')}` : 'must be an object';
    },
  });

/** Zoom is relative to the whole-district view, so a keyframe fits any screen size. */
const keyframe = z.strictObject({
  center: z.tuple([between(-180, 180), between(-90, 90)], rule('must be [longitude, latitude]')),
  zoomIn: between(-2, 5),
  pitch: between(0, 70),
  bearing: between(-180, 180),
  durationMs: between(0, 15_000),
});

/** The same shape as the camera director's Shot, so a step's camera is handed over as it is. */
const camera = taggedBy('kind', ['home', 'compound', 'keyframe'], [
  z.strictObject({ kind: z.literal('home') }),
  z.strictObject({ kind: z.literal('compound'), compoundId: text }),
  z.strictObject({ kind: z.literal('keyframe'), keyframe }),
]);

/** What glows on the map: compounds by id, by committee, by kind (e.g. every 售后公房), and 片区. */
const highlight = z.strictObject({
  compounds: list(text).default([]),
  committees: list(text).default([]),
  compoundKinds: list(oneOf(COMPOUND_KINDS)).default([]),
  areas: list(text).default([]),
});

/** Figures of the relay's view a card can show; the wall computes them, the file only names them. */
const LIVE_FIGURES = ['events', 'alerts', 'kinds', 'openIncidents', 'closureRate', 'compoundEvents', 'committeeEvents', 'cases', 'caseRate'] as const;
/** Grid and hotline figures count today's cases or the year's. */
const PERIODS = ['today', 'year'] as const;
const RATE_IDS = [...new Set(CASE_SOURCES.flatMap((source) => CASE_RATES[source].map((rate) => rate.id)))];
const liveFigure = taggedBy('figure', LIVE_FIGURES, [
  /** Today's events of the alarm sources (sensor, camera, 110): cases have figures of their own. */
  z.strictObject({ figure: z.literal('events') }),
  /** Today's alerts of a source, against yesterday by the same time. */
  z.strictObject({ figure: z.literal('alerts'), source: oneOf(ALARM_SOURCES) }),
  /** Today's events of these kinds together. */
  z.strictObject({ figure: z.literal('kinds'), kinds: list(oneOf(KINDS)).min(1, rule('must name at least one kind')) }),
  z.strictObject({ figure: z.literal('openIncidents') }),
  /** Of today's incidents, the share closed. */
  z.strictObject({ figure: z.literal('closureRate') }),
  /** Today's events in one compound. */
  z.strictObject({ figure: z.literal('compoundEvents'), compoundId: text }),
  /** Today's events in one committee's compounds. */
  z.strictObject({ figure: z.literal('committeeEvents'), committeeId: text }),
  /** Grid or hotline cases accepted today, or this year. */
  z.strictObject({ figure: z.literal('cases'), source: oneOf(CASE_SOURCES), period: oneOf(PERIODS) }),
  /** One of a source's rates (CASE_RATES) of today's cases, or of the year's. */
  z
    .strictObject({ figure: z.literal('caseRate'), source: oneOf(CASE_SOURCES), rate: oneOf(RATE_IDS), period: oneOf(PERIODS) })
    .refine((figure) => CASE_RATES[figure.source].some((rate) => rate.id === figure.rate), {
      path: ['rate'],
      error: 'must be a rate of its source (grid: closure; hotline: contact, onTime, resolution, satisfaction)',
    }),
]);

const stat = taggedBy('kind', ['live', 'quoted'], [
  z.strictObject({ kind: z.literal('live'), label, live: liveFigure }),
  /** A figure from the tour's source, shown as written there (e.g. "90.2%", "近10万"). */
  z.strictObject({ kind: z.literal('quoted'), label, value: z.union([text, label], rule('must be a text or { zh, en }')) }),
]);

const HEAT = ['all', ...ALARM_SOURCES] as const;

const step = z.strictObject({
  title: label,
  caption: label,
  camera,
  highlight: highlight.default({ compounds: [], committees: [], compoundKinds: [], areas: [] }),
  /** Which events the heatmap shows during the step. */
  heat: oneOf(HEAT).default('all'),
  stats: list(stat).max(4, rule('must list at most 4 cards')).default([]),
  /** How long auto-advance stays on the step; the tour's dwellMs when absent. */
  dwellMs: dwellMs.optional(),
});

export const tourFileSchema = z.strictObject({
  id: text,
  title: label,
  /** Where the quoted figures come from (an article's title), shown with them. */
  source: label,
  dwellMs,
  /** After the last step: back to the first (true) or the tour ends (false). */
  loop: z.boolean(rule('must be true or false')),
  steps: list(step).min(1, rule('must list at least one step')).max(30, rule('must list at most 30 steps')),
});

export type TourFile = z.output<typeof tourFileSchema>;
export type TourStepFile = TourFile['steps'][number];
export type StatCard = TourStepFile['stats'][number];
export type LiveFigure = Extract<StatCard, { kind: 'live' }>['live'];
export type StepHighlight = TourStepFile['highlight'];
