// The performance readout's measurements, running from the wall's start whether the readout is
// shown or not, so it has a minute of figures the moment a tester presses F. The browser edge:
// a requestAnimationFrame loop counts frames and stamps newly shown feed items with the time of
// the frame that paints them. Fixed memory whatever the event rate or uptime.
import type { FeedItem } from '../../relay/protocol/snapshot.ts';
import type { WallStoreProbe } from '../store/storeProbe.ts';
import { FeedWatch } from './feedWatch.ts';
import { FrameRate } from './frameRate.ts';
import { LagWindow } from './lagWindow.ts';
import type { PerfFigures } from './perfFigures.ts';

const FPS_WINDOW_MS = 3_000;
const LAG_WINDOW_MS = 60_000;
/** Items waiting for a frame; a hidden page draws none, and the wall must not hoard meanwhile. */
const MAX_PENDING = 2_000;

interface ChromiumMemory {
  memory?: { usedJSHeapSize: number };
}

export class PerfMonitor {
  private readonly frames = new FrameRate(FPS_WINDOW_MS, performance.now());
  private readonly lag = new LagWindow(LAG_WINDOW_MS);
  private readonly watch = new FeedWatch();
  /** Event times of items shown but not yet painted. */
  private pending: number[] = [];

  /** Starts counting frames; returns the stop function. */
  start(): () => void {
    let request = 0;
    const onFrame = (at: number) => {
      this.frames.frame(at);
      this.stampPending(Date.now());
      request = requestAnimationFrame(onFrame);
    };
    request = requestAnimationFrame(onFrame);
    return () => cancelAnimationFrame(request);
  }

  /** The live feed as the wall now has it; `live` is false while the wall shows the past. */
  feedShown(feed: readonly FeedItem[], live: boolean): void {
    const times = this.watch.newItems(feed, live);
    const room = MAX_PENDING - this.pending.length;
    if (room > 0) this.pending.push(...times.slice(0, room));
  }

  figures(store: WallStoreProbe): PerfFigures {
    return {
      fps: this.frames.fps(performance.now()),
      lag: this.lag.summary(Date.now()),
      delta: store.deltaTiming(),
      sync: store.sync(),
      heapBytes: (performance as Performance & ChromiumMemory).memory?.usedJSHeapSize ?? null,
    };
  }

  private stampPending(shownAt: number): void {
    for (const ts of this.pending) this.lag.record(shownAt, ts);
    this.pending = [];
  }
}
