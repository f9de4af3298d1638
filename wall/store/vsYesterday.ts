// Today's alerts against yesterday's *up to the same time of day*: comparing a morning's count
// with all of yesterday would always read as a fall. Yesterday's hourly histogram gives the
// events up to that time; it counts every event of the source, so it is scaled by yesterday's
// share of alerts among them (exactly 1 for sensors and 110, whose kinds are all incidents;
// for cameras this assumes alerts follow the day's shape of all camera events).
import type { Source } from '../../relay/contract/kinds.ts';
import type { DayView } from '../../relay/protocol/snapshot.ts';

/** Yesterday's events of the source (cases accepted, for grid and hotline) until `fraction` of the day had gone by. */
export function yesterdayEventsSoFar(yesterday: DayView, source: Source, fraction: number): number {
  const hourly = yesterday.hourly[source];
  const hours = Math.min(24, Math.max(0, fraction * 24));
  const whole = Math.floor(hours);
  let events = 0;
  for (let hour = 0; hour < whole; hour++) events += hourly[hour] ?? 0;
  return events + (hourly[whole] ?? 0) * (hours - whole);
}

/** Yesterday's alerts of the source from midnight until `fraction` of the day had gone by. */
export function yesterdaySoFar(yesterday: DayView, source: Source, fraction: number): number {
  const total = yesterday.totals[source];
  if (total === 0) return 0;
  return (yesterdayEventsSoFar(yesterday, source, fraction) * yesterday.alerts[source]) / total;
}

/** The relative change, e.g. 0.25 for +25 %; null when yesterday had none by then. */
export function relativeChange(today: number, baseline: number): number | null {
  return baseline > 0 ? (today - baseline) / baseline : null;
}
