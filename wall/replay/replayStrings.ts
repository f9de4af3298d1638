// The replay bar's own words in both languages.
import type { Label } from '../../relay/contract/index.ts';
import type { Lang } from '../i18n/lang.ts';

const REPLAY_STRINGS = {
  replay: { zh: '回放', en: 'Replay' },
  live: { zh: '实时', en: 'Live' },
  keys: {
    zh: '←/→ 10秒 · Shift 1分钟 · Home 最早 · End/Esc 回到实时',
    en: '←/→ 10 s · Shift 1 min · Home oldest · End/Esc back to live',
  },
} as const satisfies Record<string, Label>;

export function replayText(key: keyof typeof REPLAY_STRINGS, lang: Lang): string {
  return REPLAY_STRINGS[key][lang];
}

const two = (value: number) => String(value).padStart(2, '0');

/** How far behind the newest frame, as −mm:ss (the same in both languages). */
export function behindLive(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `−${two(Math.floor(seconds / 60))}:${two(seconds % 60)}`;
}
