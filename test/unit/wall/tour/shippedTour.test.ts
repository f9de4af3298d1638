// The tour shipped with the wall: it loads, everything it names is in the geography pack, the
// camera moves at every step (the leaders see the map change), and figures are either live or
// marked as quoted.
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../../geo/loadPack.ts';
import { buildPackIndex } from '../../../../geo/packIndex.ts';
import { loadTour } from '../../../../wall/tour/loadTour.ts';
import type { TourFile } from '../../../../wall/tour/tourFile.ts';
import { TOUR_FILES } from '../../../../wall/tour/tours.ts';
import shiquanFile from '../../../../wall/tours/shiquan.json';

const pack = await loadPack();
const index = buildPackIndex(pack);
const file = shiquanFile as unknown as TourFile;
const tour = loadTour('shiquan', file, index);

/** Every compound id the file names, wherever it names one. */
function compoundIdsNamed(tourFile: TourFile): string[] {
  return tourFile.steps.flatMap((step) => [
    ...(step.camera.kind === 'compound' ? [step.camera.compoundId] : []),
    ...(step.highlight?.compounds ?? []),
    ...(step.stats ?? []).flatMap((stat) => (stat.kind === 'live' && stat.live.figure === 'compoundEvents' ? [stat.live.compoundId] : [])),
  ]);
}

describe('the shipped tour', () => {
  it('is registered under its id and loads without a problem', () => {
    expect(TOUR_FILES[tour.id]).toBe(shiquanFile);
    expect(tour.steps.length).toBeGreaterThanOrEqual(6);
  });

  it('names only compounds of the pack, the 岚皋大楼 pilot among them', () => {
    const named = compoundIdsNamed(file);
    expect(named.filter((id) => !index.compounds.has(id))).toEqual([]);
    const pilot = [...index.compounds.values()].find((c) => c.properties.name === '岚皋大楼小区');
    expect(named).toContain(pilot?.properties.id);
  });

  it('moves the camera at every step, the loop back to the first included', () => {
    const shots = tour.steps.map((step) => JSON.stringify(step.camera));
    shots.forEach((shot, i) => expect(shot, `steps ${i + 1} and ${((i + 1) % shots.length) + 1}`).not.toBe(shots[(i + 1) % shots.length]));
  });

  it('lights up every 售后公房 compound on the door-sensor step', () => {
    const doors = tour.steps.find((step) => step.caption.zh.includes('防盗门闭合传感器'));
    const publicHousing = [...index.compounds.values()].filter((c) => c.properties.kind === '售后公房').map((c) => c.properties.id);
    expect(doors && [...doors.highlight.compounds].sort()).toEqual(publicHousing.sort());
  });

  it('tells the article’s story in both languages, with live and quoted figures', () => {
    const story = tour.steps.map((step) => `${step.title.zh} ${step.caption.zh}`).join('\n');
    for (const topic of ['岚皋大楼', '微卡口', '高空抛物', '防盗门', '110', '1+3+X', '独居老人']) expect(story).toContain(topic);
    // English captions keep only the compounds' Chinese names (the pack has no English ones).
    const chineseShare = (text: string) => (text.match(/[\u4e00-\u9fff]/g) ?? []).length / text.length;
    for (const step of tour.steps) expect(chineseShare(step.caption.en)).toBeLessThan(0.05);
    const kinds = new Set(tour.steps.flatMap((step) => step.stats.map((stat) => stat.kind)));
    expect(kinds).toEqual(new Set(['live', 'quoted']));
  });
});
