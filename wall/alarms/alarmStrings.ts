// The alarm queue's own words in both languages (kinds and severities come from the contract).
import type { Label } from '../../relay/contract/index.ts';
import type { Lang } from '../i18n/lang.ts';

const ALARM_STRINGS = {
  title: { zh: '紧急告警', en: 'Critical alarms' },
  chimeOn: { zh: '提示音 开', en: 'Chime on' },
  chimeOff: { zh: '提示音 关', en: 'Chime off' },
} as const satisfies Record<string, Label>;

export function alarmText(key: keyof typeof ALARM_STRINGS, lang: Lang): string {
  return ALARM_STRINGS[key][lang];
}

/** The line under the cards for those that do not fit: 另有 3 条 / +3 more. */
export function moreCards(count: number, lang: Lang): string {
  return lang === 'zh' ? `另有 ${count} 条` : `+${count} more`;
}
