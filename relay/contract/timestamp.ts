// Event time on the wire: an ISO-8601 date-time that states its offset, or integer epoch ms.
// A time without an offset is refused because upstream systems in Shanghai and servers in UTC
// would read it eight hours apart.

// YYYY-MM-DDThh:mm[:ss[.fraction]] followed by Z or ±hh:mm, read character by character and
// turned into epoch ms by arithmetic: every event carries one, and a regular expression, its
// match array and a Date object per event were about a fifteenth of the relay's work per event.

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const DAY_MS = 86_400_000;
const ZERO = 48;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/** The number in `count` ASCII digits at `at`, or -1 if any is not one. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (years 0–9999). */
function daysFromEpoch(year: number, month: number, day: number): number {
  // Years counted from March, so that the leap day is the last of its year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function parseIso(text: string): number | null {
  if (text.length < 17 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':') return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  let at = 16;
  let second = 0;
  let millis = 0;
  if (text[at] === ':') {
    second = digitsAt(text, at + 1, 2);
    if (second < 0 || second > 59) return null;
    at += 3;
    if (text[at] === '.') {
      const start = ++at;
      while (at < text.length && at - start < 9 && digitsAt(text, at, 1) >= 0) at++;
      if (at === start) return null;
      // Milliseconds: the fraction's first three digits, padded.
      for (let i = start; i < start + 3; i++) millis = millis * 10 + (i < at ? text.charCodeAt(i) - ZERO : 0);
    }
  }
  let offsetMs = 0;
  if (text[at] === 'Z') {
    at += 1;
  } else {
    const sign = text[at] === '+' ? -1 : text[at] === '-' ? 1 : 0;
    const offsetHours = digitsAt(text, at + 1, 2);
    const offsetMinutes = digitsAt(text, at + 4, 2);
    if (sign === 0 || text[at + 3] !== ':' || offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return null;
    offsetMs = sign * (offsetHours * 60 + offsetMinutes) * 60_000;
    at += 6;
  }
  if (at !== text.length) return null;
  return daysFromEpoch(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis + offsetMs;
}

/** Epoch milliseconds of a wire `ts`, or null when it is neither accepted form. */
export function parseEventTime(value: string | number): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  return parseIso(value);
}
