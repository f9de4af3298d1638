// Numbers, durations and times as the wall writes them, per language.
import { localTime } from '../store/localTime.ts';
import type { Lang } from './lang.ts';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Shown where a figure does not exist yet (no incident opened, nothing closed). */
export const NO_FIGURE = '—';

const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Grouped by thousands, the same in both languages: 12,345. */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

export function formatPercent(share: number | null, digits = 1): string {
  return share === null ? NO_FIGURE : `${(share * 100).toFixed(digits)}%`;
}

type Unit = 'day' | 'hour' | 'minute' | 'second';

const UNIT_TEXT: Readonly<Record<Lang, Record<Unit, string>>> = {
  zh: { day: '天', hour: '小时', minute: '分钟', second: '秒' },
  en: { day: 'd', hour: 'h', minute: 'min', second: 's' },
};

function amount(value: number, unit: Unit, lang: Lang): string {
  return lang === 'zh' ? `${value}${UNIT_TEXT.zh[unit]}` : `${value} ${UNIT_TEXT.en[unit]}`;
}

/** A duration in its two largest units: 1小时5分钟 / 1 h 5 min; under a minute in seconds. */
export function formatDuration(ms: number | null, lang: Lang): string {
  if (ms === null) return NO_FIGURE;
  const total = Math.max(0, ms);
  if (total < MINUTE) return amount(Math.floor(total / SECOND), 'second', lang);
  const units: [number, Unit][] = [
    [Math.floor(total / DAY), 'day'],
    [Math.floor((total % DAY) / HOUR), 'hour'],
    [Math.floor((total % HOUR) / MINUTE), 'minute'],
  ];
  const first = units.findIndex(([value]) => value > 0);
  const shown = units.slice(first, first + 2).filter(([value]) => value > 0);
  return shown.map(([value, unit]) => amount(value, unit, lang)).join(lang === 'zh' ? '' : ' ');
}

/** How long ago, in its largest whole unit: 3秒前 / 3 s ago. */
export function formatAge(ms: number, lang: Lang): string {
  const age = Math.max(0, ms);
  const [value, unit]: [number, Unit] =
    age < MINUTE
      ? [Math.floor(age / SECOND), 'second']
      : age < HOUR
        ? [Math.floor(age / MINUTE), 'minute']
        : age < DAY
          ? [Math.floor(age / HOUR), 'hour']
          : [Math.floor(age / DAY), 'day'];
  return lang === 'zh' ? `${amount(value, unit, lang)}前` : `${amount(value, unit, lang)} ago`;
}

const two = (value: number) => String(value).padStart(2, '0');

/** Time of day in the zone, HH:mm:ss. */
export function formatTimeOfDay(epochMs: number, timeZone: string): string {
  const { hour, minute, second } = localTime(epochMs, timeZone);
  return `${two(hour)}:${two(minute)}:${two(second)}`;
}

const WEEKDAYS: Readonly<Record<Lang, readonly string[]>> = {
  zh: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

/** A calendar date with its weekday: 2019-06-05 周三 / 2019-06-05 Wed. */
export function formatCalendarDay(date: string, lang: Lang): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return `${date} ${WEEKDAYS[lang][weekday] ?? ''}`.trim();
}

/** Date and weekday in the zone: 2024-05-01 周三 / 2024-05-01 Wed. */
export function formatDate(epochMs: number, timeZone: string, lang: Lang): string {
  const { year, month, day, weekday } = localTime(epochMs, timeZone);
  return `${year}-${two(month)}-${two(day)} ${WEEKDAYS[lang][weekday]}`;
}

/** How far the replay is behind the newest frame, as −mm:ss (the same in both languages). */
export function behindLive(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `−${two(Math.floor(seconds / 60))}:${two(seconds % 60)}`;
}
