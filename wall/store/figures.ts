// The figures the panels show, derived from the relay's view alone: nothing here is stored or
// counted by the wall itself, so a fresh snapshot always puts the same numbers back.
import { ALARM_SOURCES, type AlarmSource } from '../../relay/contract/kinds.ts';
import type { Snapshot } from '../../relay/protocol/snapshot.ts';
import { relativeChange, yesterdaySoFar } from './vsYesterday.ts';

export interface SourceCounter {
  source: AlarmSource;
  /** Today's alerts (incident-kind events) of the source. */
  alerts: number;
  /** Yesterday's alerts up to the same time of day. */
  yesterdaySoFar: number;
  /** Relative to yesterdaySoFar; null when that was zero. */
  change: number | null;
}

/** `fraction`: share of the local day gone by (dayFraction of the view's time). */
export function sourceCounters(view: Snapshot, fraction: number): SourceCounter[] {
  return ALARM_SOURCES.map((source) => {
    const alerts = view.alerts[source];
    const baseline = yesterdaySoFar(view.yesterday, source, fraction);
    return {
      source,
      alerts,
      yesterdaySoFar: baseline,
      change: relativeChange(alerts, baseline),
    };
  });
}

export interface IncidentFigures {
  open: number;
  openCritical: number;
  /** Of today's incidents, the share closed by now; null when none opened. */
  closureRate: number | null;
  opened: number;
  closedOfOpened: number;
  medianCloseMs: number | null;
}

export function incidentFigures(view: Snapshot): IncidentFigures {
  const { closure, open } = view;
  return {
    open: open.total,
    openCritical: open.bySeverity.critical,
    closureRate: closure.rate,
    opened: closure.opened,
    closedOfOpened: closure.closedOfOpened,
    medianCloseMs: closure.medianMs,
  };
}

export interface TrendSeries {
  source: AlarmSource;
  /** Events per local hour today, up to and including the current hour. */
  today: number[];
  /** Events per local hour yesterday, all 24. */
  yesterday: number[];
}

export function trendSeries(view: Snapshot, fraction: number): TrendSeries[] {
  const hoursSoFar = Math.min(24, Math.floor(fraction * 24) + 1);
  return ALARM_SOURCES.map((source) => ({
    source,
    today: view.hourly[source].slice(0, hoursSoFar),
    yesterday: view.yesterday.hourly[source],
  }));
}
