// A tour file made ready to play: checked against its schema and against the geography pack
// (every compound, committee and 片区 it names exists, every keyframe looks at the
// sub-district), its highlights resolved to the compounds and areas that glow, and `{SQ-C02}`
// in its texts replaced by the compound's name (romanised in English, for visitors). Whatever is wrong
// comes back as one error whose lines each name the step and the field.
import type { z } from 'zod';
import type { PackIndex } from '../../geo/packIndex.ts';
import { mapHighlight, type MapHighlight } from '../layers/highlight.ts';
import { tourFileSchema, type StepHighlight, type TourFile, type TourStepFile } from './tourFile.ts';

export interface TourStep extends Omit<TourStepFile, 'highlight' | 'dwellMs'> {
  highlight: MapHighlight;
  dwellMs: number;
}

export interface Tour extends Omit<TourFile, 'steps' | 'dwellMs'> {
  steps: TourStep[];
}

export class TourFileError extends Error {
  override name = 'TourFileError';
}

/** ['steps', 3, 'stats', 1, 'value'] → 'step 4: stats[1].value'; the step is counted from 1. */
function place(path: readonly PropertyKey[]): string {
  const [head, stepIndex, ...rest] = path;
  const inStep = head === 'steps' && typeof stepIndex === 'number';
  const field = (inStep ? rest : path).reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out === '' ? String(key) : `${out}.${String(key)}`;
  }, '');
  if (!inStep) return field === '' ? 'the tour' : field;
  return field === '' ? `step ${stepIndex + 1}` : `step ${stepIndex + 1}: ${field}`;
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
  }
  return issue.message;
}

/** Names of the pack's places that the tour's fields refer to, for the problems found. */
function packProblems(file: TourFile, index: PackIndex): string[] {
  const problems: string[] = [];
  const [west, south, east, north] = index.bbox;
  const need = (known: ReadonlyMap<string, unknown>, what: string, at: string, id: string) => {
    if (!known.has(id)) problems.push(`${at} "${id}" is not ${what} of the geography pack`);
  };
  file.steps.forEach((step, i) => {
    const at = (field: string) => `step ${i + 1}: ${field}`;
    const { camera, highlight } = step;
    if (camera.kind === 'compound') need(index.compounds, 'a compound', at('camera.compoundId'), camera.compoundId);
    if (camera.kind === 'keyframe') {
      const [lng, lat] = camera.keyframe.center;
      if (lng < west || lng > east || lat < south || lat > north) {
        problems.push(`${at('camera.keyframe.center')} [${lng}, ${lat}] lies outside the sub-district`);
      }
    }
    highlight.compounds.forEach((id, k) => need(index.compounds, 'a compound', at(`highlight.compounds[${k}]`), id));
    highlight.committees.forEach((id, k) => need(index.committees, 'a committee', at(`highlight.committees[${k}]`), id));
    highlight.areas.forEach((id, k) => need(index.areas, 'an area', at(`highlight.areas[${k}]`), id));
    step.stats.forEach((stat, k) => {
      if (stat.kind !== 'live') return;
      const { live } = stat;
      if (live.figure === 'compoundEvents') need(index.compounds, 'a compound', at(`stats[${k}].live.compoundId`), live.compoundId);
      if (live.figure === 'committeeEvents') need(index.committees, 'a committee', at(`stats[${k}].live.committeeId`), live.committeeId);
    });
  });
  return problems;
}

/** `{SQ-C02}` in a tour's text: the compound's name in the text's language (romanised in English). */
const PLACE_NAME = /\{(SQ-C\d+)\}/g;

function placeNameProblems(file: TourFile, index: PackIndex): string[] {
  const problems: string[] = [];
  file.steps.forEach((step, i) => {
    const labels: [string, { zh: string; en: string }][] = [
      ['title', step.title],
      ['caption', step.caption],
      ...step.stats.map((stat, k): [string, { zh: string; en: string }] => [`stats[${k}].label`, stat.label]),
    ];
    for (const [field, label] of labels) {
      for (const [, id] of `${label.zh} ${label.en}`.matchAll(PLACE_NAME)) {
        if (!index.compounds.has(id ?? '')) problems.push(`step ${i + 1}: ${field} names {${id ?? ''}}, which is not a compound of the geography pack`);
      }
    }
  });
  return problems;
}

function withPlaceNames<T extends { zh: string; en: string }>(label: T, index: PackIndex): T {
  const name = (lang: 'zh' | 'en') => (_: string, id: string) => {
    const properties = index.compounds.get(id)?.properties;
    return (lang === 'en' ? properties?.nameEn : properties?.name) ?? id;
  };
  return { ...label, zh: label.zh.replace(PLACE_NAME, name('zh')), en: label.en.replace(PLACE_NAME, name('en')) };
}

function namePlaces(step: TourStepFile, index: PackIndex): TourStepFile {
  return {
    ...step,
    title: withPlaceNames(step.title, index),
    caption: withPlaceNames(step.caption, index),
    stats: step.stats.map((stat) => ({ ...stat, label: withPlaceNames(stat.label, index) })),
  };
}

function resolveHighlight(highlight: StepHighlight, index: PackIndex): MapHighlight {
  const kinds = new Set<string>(highlight.compoundKinds);
  const compounds = [
    ...highlight.compounds,
    ...highlight.committees.flatMap((id) => (index.compoundsOfCommittee.get(id) ?? []).map((c) => c.properties.id)),
    ...[...index.compounds.values()].filter((c) => kinds.has(c.properties.kind)).map((c) => c.properties.id),
  ];
  return mapHighlight(compounds, highlight.areas);
}

/** The tour in `json` (read from `name`), or a TourFileError listing every problem. */
export function loadTour(name: string, json: unknown, index: PackIndex): Tour {
  const parsed = tourFileSchema.safeParse(json);
  const problems = parsed.success
    ? [...packProblems(parsed.data, index), ...placeNameProblems(parsed.data, index)]
    : parsed.error.issues.map((issue) => `${place(issue.path)} ${describe(issue)}`);
  if (!parsed.success || problems.length > 0) {
    throw new TourFileError(`tour ${name}:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  }
  const { dwellMs, steps, ...tour } = parsed.data;
  return {
    ...tour,
    steps: steps.map((step) => ({ ...namePlaces(step, index), highlight: resolveHighlight(step.highlight, index), dwellMs: step.dwellMs ?? dwellMs })),
  };
}
