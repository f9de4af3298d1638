// Local calendar arithmetic on a fixed UTC offset. Profiles name days as 'YYYY-MM-DD' in local
// time; generators work on day numbers (days since 1970-01-01 of the local calendar), so a day
// is one integer and its weekday, month and start instant are one division away. Asia/Shanghai
// has kept +08:00 without daylight saving since 1991, so a fixed offset is exact there.

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** Day number of a 'YYYY-MM-DD' date, or null when it is no calendar date. */
export function parseDay(text: string): number | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const day = ms / DAY_MS;
  // Date.UTC rolls 2019-02-30 over to March; a round trip catches it.
  return formatDay(day) === text ? day : null;
}

/** Day number of a 'YYYY-MM-DD' date; throws on anything else (callers have validated it). */
export function dayOf(text: string): number {
  const day = parseDay(text);
  if (day === null) throw new Error(`not a calendar date: ${JSON.stringify(text)}`);
  return day;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 'YYYYMMDD', for ids. */
export function compactDay(day: number): string {
  return formatDay(day).replaceAll('-', '');
}

/** 0 = Monday … 6 = Sunday (ISO order); day 0, 1970-01-01, was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** 0 = January … 11 = December. */
export function monthOf(day: number): number {
  return new Date(day * DAY_MS).getUTCMonth();
}

/** Minutes east of UTC of a '+hh:mm' / '-hh:mm' offset, or null when malformed. */
export function parseUtcOffset(text: string): number | null {
  const match = OFFSET.exec(text);
  if (!match) return null;
  const [, sign, h, m] = match;
  const hours = Number(h);
  const minutes = Number(m);
  if (hours > 14 || minutes > 59) return null;
  return (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** A local calendar on one fixed offset. */
export interface LocalClock {
  /** Epoch ms of local midnight starting `day`. */
  dayStart(day: number): number;
  /** ISO-8601 with the local offset, e.g. '2018-03-04T09:15:23.412+08:00'. */
  iso(ms: number): string;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

export function localClock(offsetMinutes: number): LocalClock {
  const offsetMs = offsetMinutes * 60_000;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const suffix = `${sign}${TWO_DIGITS[Math.floor(abs / 60)] ?? '00'}:${TWO_DIGITS[abs % 60] ?? '00'}`;
  // Formatting is on the hot path (once per event) and events come day by day, so the date part
  // is cached and the time of day is put together from lookup tables instead of a Date.
  let cachedDay = NaN;
  let datePart = '';
  return {
    dayStart: (day) => day * DAY_MS - offsetMs,
    iso(ms) {
      const local = ms + offsetMs;
      const day = Math.floor(local / DAY_MS);
      if (day !== cachedDay) {
        cachedDay = day;
        datePart = `${formatDay(day)}T`;
      }
      const inDay = local - day * DAY_MS;
      const seconds = Math.floor(inDay / 1000);
      return `${datePart}${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${
        TWO_DIGITS[seconds % 60]
      }.${THREE_DIGITS[inDay % 1000]}${suffix}`;
    },
  };
}
