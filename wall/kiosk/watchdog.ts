// The watchdog's verdict from its readings: a frame asked for and not drawn for too long while the
// page is visible (rendering stalled), the JS heap past its limit, or the map's WebGL context
// lost. Pure: the edge takes the readings and reloads.
import type { WatchdogReason } from './reloadRecords.ts';

/** No frame for this long while visible: rendering has stalled. */
export const STALL_MS = 30_000;

export interface WatchdogReadings {
  now: number;
  /** Whether the page is visible; a hidden page draws no frames, rightly. */
  visible: boolean;
  /** When the frame still awaited was asked for (while visible); null when none is awaited. */
  frameAskedAt: number | null;
  /** performance.memory's usedJSHeapSize; null where the browser does not say. */
  heapUsedBytes: number | null;
  heapLimitBytes: number;
  contextLost: boolean;
}

export function watchdogReason(readings: WatchdogReadings): WatchdogReason | null {
  const { now, visible, frameAskedAt, heapUsedBytes, heapLimitBytes, contextLost } = readings;
  if (contextLost) return 'context-lost';
  if (visible && frameAskedAt !== null && now - frameAskedAt >= STALL_MS) return 'stall';
  if (heapUsedBytes !== null && heapUsedBytes > heapLimitBytes) return 'heap';
  return null;
}
