// One local day's counters: events per source and kind, alerts per source, hourly histograms,
// closes and their durations, rejects and skipped records. The state keeps two of these, today and yesterday; at
// midnight today's becomes yesterday's and a fresh one starts.
import type { ShiquanEvent } from '../contract/event.ts';
import { KINDS, SOURCES, isIncidentKind, type Kind, type Source } from '../contract/kinds.ts';
import { REJECT_REASONS, type RejectReason } from '../contract/reasons.ts';
import { addDuration, closeQuantiles, createCloseSample, type CloseSample } from './closeSample.ts';
import { hourOf, type LocalDay } from './dayClock.ts';
import type { DayView } from '../protocol/snapshot.ts';

export interface DayFigures {
  day: LocalDay;
  totals: Record<Source, number>;
  byKind: Record<Kind, number>;
  alerts: Record<Source, number>;
  hourly: Record<Source, number[]>;
  /** Incidents closed this day. */
  closed: number;
  /** Incidents opened this day and closed since. */
  closedOfOpened: number;
  closeTimes: CloseSample;
  rejected: Record<RejectReason, number>;
  /** Records in batches that could not be read and were skipped, per source. */
  skipped: Record<Source, number>;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

export function createDayFigures(day: LocalDay, closeSampleSize: number): DayFigures {
  const hourly = {} as Record<Source, number[]>;
  for (const source of SOURCES) hourly[source] = new Array<number>(24).fill(0);
  return {
    day,
    totals: zeros(SOURCES),
    byKind: zeros(KINDS),
    alerts: zeros(SOURCES),
    hourly,
    closed: 0,
    closedOfOpened: 0,
    closeTimes: createCloseSample(closeSampleSize),
    rejected: zeros(REJECT_REASONS),
    skipped: zeros(SOURCES),
  };
}

/** Counts an event (not a closed follow-up) that happened on this day. */
export function countEvent(figures: DayFigures, event: ShiquanEvent): void {
  const { source } = event;
  figures.totals[source]++;
  figures.byKind[event.kind]++;
  if (isIncidentKind(event.kind)) figures.alerts[source]++;
  const hourly = figures.hourly[source];
  const hour = hourOf(figures.day, event.ts);
  hourly[hour] = (hourly[hour] ?? 0) + 1;
}

/** Counts a close that happened on this day, `durationMs` after its incident opened. */
export function countClose(figures: DayFigures, durationMs: number): void {
  figures.closed++;
  addDuration(figures.closeTimes, durationMs);
}

export function dayView(figures: DayFigures): DayView {
  const opened = SOURCES.reduce((sum, source) => sum + figures.alerts[source], 0);
  const hourly = {} as Record<Source, number[]>;
  for (const source of SOURCES) hourly[source] = [...figures.hourly[source]];
  return {
    day: figures.day.date,
    totals: { ...figures.totals },
    byKind: { ...figures.byKind },
    alerts: { ...figures.alerts },
    hourly,
    closure: {
      opened,
      closed: figures.closed,
      closedOfOpened: figures.closedOfOpened,
      rate: opened === 0 ? null : figures.closedOfOpened / opened,
      ...closeQuantiles(figures.closeTimes),
    },
    rejected: { ...figures.rejected },
    skipped: { ...figures.skipped },
  };
}
