// A tour file with mistakes is refused with one line per problem, each naming the step (counted
// from 1) and the field; a good one comes back with its highlights resolved and dwells filled in.
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../../geo/loadPack.ts';
import { buildPackIndex } from '../../../../geo/packIndex.ts';
import { NO_HIGHLIGHT } from '../../../../wall/layers/highlight.ts';
import { TourFileError, loadTour } from '../../../../wall/tour/loadTour.ts';

const index = buildPackIndex(await loadPack());
const label = (text: string) => ({ zh: text, en: text });
const step = (fields: Record<string, unknown> = {}) => ({ title: label('t'), caption: label('c'), camera: { kind: 'home' }, ...fields });
const tourWith = (steps: unknown[], fields: Record<string, unknown> = {}) => ({
  id: 'test',
  title: label('Test'),
  source: label('An article'),
  dwellMs: 15_000,
  loop: true,
  steps,
  ...fields,
});

function problemsOf(json: unknown): string[] {
  try {
    loadTour('test.json', json, index);
  } catch (error) {
    if (!(error instanceof TourFileError)) throw error;
    const [first, ...lines] = error.message.split('\n');
    expect(first).toBe('tour test.json:');
    return lines.map((line) => line.trim());
  }
  throw new Error('the tour was accepted');
}

describe('loading a tour file', () => {
  it('resolves highlights to compounds and areas, and gives each step a dwell', () => {
    const tour = loadTour(
      'test.json',
      tourWith([step({ highlight: { committees: ['SQ-R07'], areas: ['SQ-A1'] }, dwellMs: 5_000 }), step()]),
      index,
    );
    const [first, second] = tour.steps;
    expect([...(first?.highlight.compounds ?? [])].sort()).toEqual(['SQ-C21', 'SQ-C22', 'SQ-C23']);
    expect([...(first?.highlight.areas ?? [])]).toEqual(['SQ-A1']);
    expect(second?.highlight).toBe(NO_HIGHLIGHT);
    expect(tour.steps.map((s) => s.dwellMs)).toEqual([5_000, 15_000]);
    expect(second?.heat).toBe('all');
  });

  it('names the step and the field of each schema problem', () => {
    const problems = problemsOf(
      tourWith([
        step(),
        step({ caption: { zh: '说明' } }),
        step({
          camera: { kind: 'orbit' },
          stats: [
            { kind: 'live', label: label('x'), live: { figure: 'kinds', kinds: ['meteor'] } },
            { kind: 'quoted', label: label('y'), value: 42 },
          ],
        }),
        step({ heat: 'smoke', colour: 'red' }),
      ]),
    );
    expect(problems).toEqual([
      'step 2: caption.en is required',
      'step 3: camera.kind must be one of home, compound, keyframe',
      expect.stringMatching(/^step 3: stats\[0\]\.live\.kinds\[0\] must be one of door_open, smoke, /),
      'step 3: stats[1].value must be a text or { zh, en }',
      'step 4: heat must be one of all, sensor, camera, alarm110',
      'step 4 has unknown field "colour"',
    ]);
  });

  it('names fields of the tour itself', () => {
    expect(problemsOf(tourWith([], { loop: 'yes', dwellMs: 100 }))).toEqual([
      'dwellMs must be a whole number of milliseconds from 3000 to 600000',
      'loop must be true or false',
      'steps must list at least one step',
    ]);
  });

  it('refuses places that are not in the pack and keyframes that look elsewhere', () => {
    const problems = problemsOf(
      tourWith([
        step({ camera: { kind: 'compound', compoundId: 'SQ-C99' } }),
        step({
          camera: { kind: 'keyframe', keyframe: { center: [116.4, 39.9], zoomIn: 1, pitch: 40, bearing: 0, durationMs: 3_000 } },
          highlight: { compounds: ['SQ-C02', 'SQ-X1'], committees: ['SQ-R99'], areas: ['SQ-A9'] },
          stats: [{ kind: 'live', label: label('z'), live: { figure: 'compoundEvents', compoundId: 'nowhere' } }],
        }),
      ]),
    );
    expect(problems).toEqual([
      'step 1: camera.compoundId "SQ-C99" is not a compound of the geography pack',
      'step 2: camera.keyframe.center [116.4, 39.9] lies outside the sub-district',
      'step 2: highlight.compounds[1] "SQ-X1" is not a compound of the geography pack',
      'step 2: highlight.committees[0] "SQ-R99" is not a committee of the geography pack',
      'step 2: highlight.areas[0] "SQ-A9" is not an area of the geography pack',
      'step 2: stats[0].live.compoundId "nowhere" is not a compound of the geography pack',
    ]);
  });

  it('names compounds in the language of the text, romanised in English, and refuses unknown ones', () => {
    const named = step({
      title: { zh: '{SQ-C02}试点', en: 'The {SQ-C02} pilot' },
      caption: { zh: '见{SQ-C05}', en: 'At {SQ-C05} and {SQ-C02}' },
      stats: [{ kind: 'quoted', label: { zh: '{SQ-C02}', en: '{SQ-C02} events' }, value: '1' }],
    });
    const [first] = loadTour('test.json', tourWith([named]), index).steps;
    expect(first?.title).toEqual({ zh: '岚皋大楼小区试点', en: 'The Langao Dalou Xiaoqu pilot' });
    expect(first?.caption).toEqual({ zh: '见太浜巷小区', en: 'At Taibangxiang Xiaoqu and Langao Dalou Xiaoqu' });
    expect(first?.stats[0]?.label.en).toBe('Langao Dalou Xiaoqu events');
    expect(problemsOf(tourWith([step({ caption: { zh: 'c', en: 'At {SQ-C99}' } })]))).toEqual([
      'step 1: caption names {SQ-C99}, which is not a compound of the geography pack',
    ]);
  });
});
