// The watchdog's readings, taken every few seconds: a frame is asked for and must come (the
// heartbeat of rendering), the JS heap is read where Chromium tells it, and a lost WebGL context
// on the map's canvas trips it at once. An edge: the verdict is watchdogReason's.
import type { WatchdogReason } from './reloadRecords.ts';
import { watchdogReason } from './watchdog.ts';

export const CHECK_MS = 5_000;

/** Chromium's non-standard performance.memory. */
interface MemoryInfo {
  usedJSHeapSize: number;
}

export interface RenderWatch {
  heapLimitBytes: number;
  /** Called on every check that finds a fault, until stopped; the caller decides what to do. */
  onFault(reason: WatchdogReason): void;
}

function heapUsedBytes(): number | null {
  return (performance as Performance & { memory?: MemoryInfo }).memory?.usedJSHeapSize ?? null;
}

function isMapCanvas(target: EventTarget | null): boolean {
  return target instanceof HTMLCanvasElement && target.classList.contains('maplibregl-canvas');
}

/** Starts watching; returns the stop function. */
export function watchRendering({ heapLimitBytes, onFault }: RenderWatch): () => void {
  let frameAskedAt: number | null = null;
  let contextLost = false;
  const visible = () => document.visibilityState === 'visible';

  const check = () => {
    const now = Date.now();
    if (frameAskedAt === null && visible()) {
      frameAskedAt = now;
      requestAnimationFrame(() => (frameAskedAt = null));
    }
    const reason = watchdogReason({ now, visible: visible(), frameAskedAt, heapUsedBytes: heapUsedBytes(), heapLimitBytes, contextLost });
    if (reason) onFault(reason);
  };
  // Time spent hidden is no stall: the wait for the frame starts again when the page shows.
  const onVisibility = () => {
    if (frameAskedAt !== null) frameAskedAt = Date.now();
  };
  // Capture: the event is not bubbling, but ancestors see it on the way down.
  const onContextLost = (event: Event) => {
    if (!isMapCanvas(event.target)) return;
    contextLost = true;
    check();
  };

  const timer = setInterval(check, CHECK_MS);
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('webglcontextlost', onContextLost, { capture: true });
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('webglcontextlost', onContextLost, { capture: true });
  };
}
