// The tour's own words in both languages (the captions themselves come from the tour file).
import type { Label } from '../../relay/contract/index.ts';
import type { Lang } from '../i18n/lang.ts';
import type { TourPhase } from './tourController.ts';

// English uses straight quotes: the CJK-first font draws curly ones full width.
const STRINGS = {
  tour: { zh: '导览', en: 'Tour' },
  live: { zh: '实时', en: 'Live' },
  quoted: { zh: '引自报道', en: 'Quoted' },
  /** Before the source's title on the overlay's last line. */
  quotedFrom: { zh: '标注“引自报道”的数字引自', en: 'Figures marked "Quoted" are quoted from' },
  liveNote: { zh: '“实时”数字来自当前数据', en: '"Live" figures come from the live data' },
} as const satisfies Record<string, Label>;

/** What the overlay says the tour is doing. */
const PHASES: Readonly<Record<TourPhase, Label>> = {
  playing: { zh: '自动播放', en: 'Auto-play' },
  paused: { zh: '演示者控制', en: 'Presenter control' },
  interrupted: { zh: '紧急告警插播 · 告警结束后继续导览', en: 'Critical alarm · the tour resumes afterwards' },
  blank: { zh: '黑屏', en: 'Blank' },
};

export function tourText(key: keyof typeof STRINGS, lang: Lang): string {
  return STRINGS[key][lang];
}

export function phaseText(phase: TourPhase, lang: Lang): string {
  return PHASES[phase][lang];
}
