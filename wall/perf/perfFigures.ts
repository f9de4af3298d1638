// What the performance readout shows, and how it writes it: one row per figure, short and in a
// fixed width, for testers reading the wall from a few metres.
import { NO_FIGURE, formatCount } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/messages.ts';
import type { DeltaTimingSummary } from '../store/deltaTiming.ts';
import type { SyncStats } from '../../relay/protocol/snapshotSync.ts';
import type { LagSummary } from './lagWindow.ts';

export interface PerfFigures {
  fps: number;
  lag: LagSummary;
  delta: DeltaTimingSummary;
  sync: SyncStats;
  /** Used JS heap (Chromium only); null where the browser does not tell. */
  heapBytes: number | null;
}

export interface ReadoutRow {
  key: 'fps' | 'lag' | 'delta' | 'dropped' | 'heap';
  label: string;
  value: string;
}


/** Milliseconds in a width that stays put: 85 ms, 1.2 s, 75 s. */
export function formatMs(ms: number | null): string {
  if (ms === null) return NO_FIGURE;
  const size = Math.abs(ms);
  if (size < 1_000) return `${Math.round(ms)} ms`;
  if (size < 10_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.round(ms / 1_000)} s`;
}

export function readoutRows(figures: PerfFigures, lang: Lang): ReadoutRow[] {
  const { fps, lag, delta, sync, heapBytes } = figures;
  const values: Record<ReadoutRow['key'], string> = {
    fps: fps.toFixed(1),
    lag: `p50 ${formatMs(lag.p50Ms)} · p95 ${formatMs(lag.p95Ms)} · n ${formatCount(lag.count)}`,
    delta: `${delta.windowMeanMs.toFixed(1)} · p95 ${delta.windowP95Ms.toFixed(1)} · max ${delta.maxMs.toFixed(1)}`,
    dropped: `${formatCount(sync.dropped)} · gaps ${formatCount(sync.gaps)} · resyncs ${formatCount(sync.resyncs)}`,
    heap: heapBytes === null ? NO_FIGURE : `${(heapBytes / 2 ** 20).toFixed(1)} MB`,
  };
  return (Object.keys(values) as ReadoutRow['key'][]).map((key) => ({ key, label: t(`perf-${key}`, lang), value: values[key] }));
}
