// The embedded demo follows the real time of day. Tests that look at it pick the relay's time
// zone so that it is a given hour there now (Etc/GMT±h, whole hours from −12 to +14 cover every
// hour of the day), so what they see does not depend on when they run.

/** An IANA zone where the local hour is `hour` at `now`. */
export function zoneAtHour(hour: number, now = Date.now()): string {
  let offset = (((hour - new Date(now).getUTCHours()) % 24) + 24) % 24;
  if (offset > 14) offset -= 24;
  // Etc/GMT names count the other way: Etc/GMT-8 is eight hours ahead of UTC.
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}
