// What the performance readout shows, and how it writes it: one row per figure, short and in a
// fixed width, for testers reading the wall from a few metres.
import type { Label } from '../../relay/contract/index.ts';
import { NO_FIGURE, formatCount } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import type { DeltaTimingSummary } from '../store/deltaTiming.ts';
import type { SyncStats } from '../store/viewSync.ts';
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

const LABELS: Readonly<Record<ReadoutRow['key'], Label>> = {
  fps: { zh: '帧率', en: 'fps' },
  lag: { zh: '上屏延迟', en: 'event→screen' },
  delta: { zh: '每增量耗时', en: 'ms per delta' },
  dropped: { zh: '丢失增量', en: 'deltas dropped' },
  heap: { zh: 'JS 堆', en: 'JS heap' },
};

/** The lag compares two clocks; the readout says so. */
export const LAG_NOTE: Label = {
  zh: '延迟 = 上屏时刻(墙端钟) − 事件时间(源端钟), 近 1 分钟',
  en: 'lag = shown (wall clock) − event ts (producer clock), last min',
};

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
  return (Object.keys(LABELS) as ReadoutRow['key'][]).map((key) => ({ key, label: LABELS[key][lang], value: values[key] }));
}
