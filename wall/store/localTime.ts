// Wall-clock fields of an instant in a time zone (the relay's "today" zone, Asia/Shanghai by
// default), whatever zone the wall PC is set to. Intl's formatToParts costs tens to hundreds of
// microseconds a call on a busy page, and every new feed row and the title bar's clock asked it,
// so it is asked once per quarter hour of UTC for the zone's offset instead, and the fields are
// read from the instant shifted by it. Every UTC offset and every change of offset in the IANA
// zones since 1972 falls on a quarter hour, so within one the offset does not change.

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const QUARTER_HOUR_MS = 15 * 60_000;
/** Quarter hours remembered per zone: a day of them, then the zone starts over. */
const MAX_QUARTERS = 96;

interface Zone {
  format: Intl.DateTimeFormat;
  /** Offset from UTC in ms, by quarter hour since the epoch. */
  offsets: Map<number, number>;
}

const zones = new Map<string, Zone>();

function zoneFor(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (!zone) {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    zone = { format, offsets: new Map() };
    zones.set(timeZone, zone);
  }
  return zone;
}

/** The zone's offset at an instant, from Intl: local wall-clock time read as UTC, less the instant. */
function offsetFromIntl(format: Intl.DateTimeFormat, epochMs: number): number {
  const fields: Record<string, number> = {};
  for (const part of format.formatToParts(epochMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  return Date.UTC(year, month - 1, day, hour, minute, second) - epochMs;
}

function offsetAt(epochMs: number, timeZone: string): number {
  const { format, offsets } = zoneFor(timeZone);
  const quarter = Math.floor(epochMs / QUARTER_HOUR_MS);
  let offset = offsets.get(quarter);
  if (offset === undefined) {
    if (offsets.size >= MAX_QUARTERS) offsets.clear();
    offset = offsetFromIntl(format, quarter * QUARTER_HOUR_MS);
    offsets.set(quarter, offset);
  }
  return offset;
}

export function localTime(epochMs: number, timeZone: string): LocalTime {
  const local = new Date(epochMs + offsetAt(epochMs, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
  };
}

/** Share of the local day gone by at the instant, 0 at midnight, just under 1 before the next. */
export function dayFraction(epochMs: number, timeZone: string): number {
  const { hour, minute, second } = localTime(epochMs, timeZone);
  return (hour * 3_600 + minute * 60 + second) / 86_400;
}
