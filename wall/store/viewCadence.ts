// A view taken at its own cadence: at most once per period, while the counters and alarms take
// every tick. The map takes its view this way: redrawing its data (the heatmap's weights, the
// buildings' colours, the live dots) costs deck.gl an upload and, in software, a whole
// re-aggregation; at 4 ticks a second with thousands of events that would be most of each frame,
// and a second's resolution is all a map of the day's heat needs. So do the slow panels (trends,
// rankings), which read as well once a second. The first view, and any view that is not the live
// one (a frame of the rewind, which the operator steps through), is taken at once; so is the
// first live view after them. The latest view offered is always the one taken next: none is left
// behind.

export interface ViewCadenceOptions<View> {
  periodMs: number;
  /** Told each view the map is to show. */
  take(view: View): void;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface ViewCadence<View> {
  /** A new view to show; `live` false for a frame of the rewind. */
  offer(view: View, live: boolean): void;
  stop(): void;
}

/** How long to wait before taking a live view, given when the last one was taken; 0: at once. */
export function waitBeforeTaking(lastTakenAt: number | null, lastWasLive: boolean, now: number, periodMs: number): number {
  if (lastTakenAt === null || !lastWasLive) return 0;
  return Math.max(0, lastTakenAt + periodMs - now);
}

export function createViewCadence<View>({
  periodMs,
  take,
  now = () => performance.now(),
  setTimer = (run, ms) => setTimeout(run, ms),
  clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}: ViewCadenceOptions<View>): ViewCadence<View> {
  let takenAt: number | null = null;
  let takenLive = false;
  let timer: unknown = null;
  let waiting: { view: View } | null = null;

  const takeNow = (view: View, live: boolean) => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    waiting = null;
    takenAt = now();
    takenLive = live;
    take(view);
  };

  return {
    offer(view, live) {
      const wait = live ? waitBeforeTaking(takenAt, takenLive, now(), periodMs) : 0;
      if (wait === 0) return takeNow(view, live);
      waiting = { view };
      timer ??= setTimer(() => {
        timer = null;
        if (waiting) takeNow(waiting.view, true);
      }, wait);
    },
    stop() {
      if (timer !== null) clearTimer(timer);
      timer = null;
      waiting = null;
    },
  };
}
