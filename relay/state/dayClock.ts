// Local calendar days in an IANA time zone: where a day starts and ends in epoch ms, and where
// each of its hours starts, so per-event work is a few comparisons instead of an Intl call.
//
// Boundaries are found by bisection on the instant, asking Intl for the local date and hour:
// a local (date, hour) never goes backwards as time runs forward, even across a DST change, so
// "the first instant whose local date is D" is well defined and needs no offset arithmetic.
// A day can thus be 23 or 25 hours long; an hour skipped by a spring-forward change gets no
// instants, and an hour repeated in autumn holds both of its runs.
// (Zones that set clocks back across midnight repeat part of a date; that part counts to the
// later day. No zone in China does this.)

export const HOUR_MS = 3_600_000;
// Longer than any local day (at most 25 h, or 48 h where a zone skipped a whole date).
const SEARCH_SPAN_MS = 50 * HOUR_MS;

export interface LocalDay {
  /** Local calendar date, 'YYYY-MM-DD'. */
  date: string;
  /** First instant (epoch ms) of the day. */
  start: number;
  /** First instant of the next day. */
  end: number;
  /** 24 entries: the first instant of the day whose local hour is ≥ h (`end` if none). */
  hourStarts: readonly number[];
}

export interface DayClock {
  readonly timeZone: string;
  /** The local day containing the instant. */
  dayOf(instant: number): LocalDay;
}

/** Local date and hour as one ordered number: yyyymmddhh. */
type LocalHourKey = number;

function localHourReader(timeZone: string): (instant: number) => LocalHourKey {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  return (instant) => {
    const parts = { year: 0, month: 0, day: 0, hour: 0 };
    for (const part of format.formatToParts(instant)) {
      if (part.type in parts) parts[part.type as keyof typeof parts] = Number(part.value);
    }
    return ((parts.year * 100 + parts.month) * 100 + parts.day) * 100 + parts.hour;
  };
}

/** The first instant in (lo, hi] where `reached` holds; `reached` must be monotone and true at hi. */
function firstInstant(lo: number, hi: number, reached: (instant: number) => boolean): number {
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (reached(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

function dateString(key: LocalHourKey): string {
  const digits = String(Math.floor(key / 100));
  return `${digits.slice(0, -4)}-${digits.slice(-4, -2)}-${digits.slice(-2)}`;
}

export function createDayClock(timeZone: string): DayClock {
  const localHour = localHourReader(timeZone);
  const dateOf = (instant: number) => Math.floor(localHour(instant) / 100);
  return {
    timeZone,
    dayOf(instant) {
      const key = localHour(instant);
      const date = Math.floor(key / 100);
      const start = firstInstant(instant - SEARCH_SPAN_MS, instant, (t) => dateOf(t) >= date);
      const end = firstInstant(instant, instant + SEARCH_SPAN_MS, (t) => dateOf(t) > date);
      const hourStarts = [start];
      const lastKey = localHour(end - 1);
      for (let hour = 1; hour < 24; hour++) {
        const target = date * 100 + hour;
        const from = hourStarts[hour - 1] ?? start;
        const reached = (t: number) => localHour(t) >= target;
        hourStarts.push(lastKey < target ? end : firstInstant(from - 1, end - 1, reached));
      }
      return { date: dateString(key), start, end, hourStarts };
    },
  };
}

/** Local hour (0–23) of an instant, clamped into the day for instants outside it. */
export function hourOf(day: LocalDay, instant: number): number {
  const { hourStarts } = day;
  let hour = Math.min(23, Math.max(0, Math.floor((instant - day.start) / HOUR_MS)));
  while (hour > 0 && (hourStarts[hour] ?? 0) > instant) hour--;
  while (hour < 23 && (hourStarts[hour + 1] ?? Infinity) <= instant) hour++;
  return hour;
}
