// The open incidents' counts by severity and by age band, kept as incidents open and close, so
// that a tick does not walk every open incident (tens of thousands at a high rate; that walk was
// the largest part of a busy tick's delta). Ages are counted as of `at`: an incident stays in its
// band until its age reaches the band's upper edge, and the earliest such moment (`nextCrossing`)
// is when the bands are counted again from the open incidents, as they are when the oldest one
// closes (to find the next oldest) or the clock goes back.
import type { Severity } from '../contract/kinds.ts';
import { OPEN_AGE_BAND_EDGES_MS, type OpenView } from '../protocol/snapshot.ts';

export interface OpenSummary {
  /** The time the age bands are counted as of. */
  at: number;
  bySeverity: Record<Severity, number>;
  ageBands: number[];
  /** When the first counted incident moves to an older band; −∞ until the first count. */
  nextCrossing: number;
  /** The earliest opening time; +∞ with nothing open. */
  oldest: number;
  /** The oldest incident has closed: the next oldest must be found. */
  oldestGone: boolean;
}

export interface OpenCounted {
  severity: Severity;
  openedAt: number;
}

const EDGES = OPEN_AGE_BAND_EDGES_MS;

export function createOpenSummary(): OpenSummary {
  return {
    at: 0,
    bySeverity: { info: 0, warning: 0, critical: 0 },
    ageBands: new Array<number>(EDGES.length + 1).fill(0),
    nextCrossing: Number.NEGATIVE_INFINITY,
    oldest: Number.POSITIVE_INFINITY,
    oldestGone: false,
  };
}

function bandAt(openedAt: number, at: number): number {
  let band = 0;
  while (band < EDGES.length && at - openedAt >= EDGES[band]!) band++;
  return band;
}

/** An incident opened. */
export function countOpened(summary: OpenSummary, { severity, openedAt }: OpenCounted): void {
  const band = bandAt(openedAt, summary.at);
  summary.bySeverity[severity]++;
  summary.ageBands[band]!++;
  if (band < EDGES.length) summary.nextCrossing = Math.min(summary.nextCrossing, openedAt + EDGES[band]!);
  summary.oldest = Math.min(summary.oldest, openedAt);
}

/** An incident counted as open closed or was dropped. */
export function countClosed(summary: OpenSummary, { severity, openedAt }: OpenCounted): void {
  // Counted in the band it had as of `at`, then or at the last count: the same one now.
  summary.bySeverity[severity]--;
  summary.ageBands[bandAt(openedAt, summary.at)]!--;
  if (openedAt <= summary.oldest) summary.oldestGone = true;
}

/** The view at `now` of the incidents in `open`, which the summary has counted as they came and went. */
export function openView(summary: OpenSummary, open: Iterable<OpenCounted>, size: number, now: number, evicted: number): OpenView {
  if (now < summary.at || now >= summary.nextCrossing || summary.oldestGone) {
    Object.assign(summary, createOpenSummary(), { at: now, nextCrossing: Number.POSITIVE_INFINITY });
    for (const incident of open) countOpened(summary, incident);
  }
  return {
    total: size,
    bySeverity: { ...summary.bySeverity },
    ageBands: [...summary.ageBands],
    oldestOpenedAt: size > 0 ? summary.oldest : null,
    evicted,
  };
}
