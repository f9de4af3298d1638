// The last minutes of the live view, one frame per `frameMs` of the relay's clock, in bounded
// memory. A frame keeps its feed (compactFeed.ts) and its numbers as the difference from the
// frame before (numberDiff.ts); the oldest frame of each run of one shape (jsonShape.ts) is held
// whole, and moves forward as frames fall out of the window. A view is rebuilt on demand, equal
// to the live view of its time but for the alarm list (NO_ALARMS).
// Pure: the caller hands in each live view; nothing here reads a clock.
import type { FeedItem, Snapshot } from '../../relay/state/view.ts';
import { FeedCompactor } from './compactFeed.ts';
import { fromNumbers, numbersOf, shapeOf, type JsonShape } from './jsonShape.ts';
import { NO_CHANGE, NumberDiffer, applyNumberDiff } from './numberDiff.ts';

export interface HistoryOptions {
  /** How far back the history reaches, from its newest frame. */
  windowMs: number;
  /** The least time between two frames. */
  frameMs: number;
}

/** The wall's: fifteen minutes, a frame every two seconds (sizes in test/unit/wall/replay). */
export const REPLAY_HISTORY: Readonly<HistoryOptions> = { windowMs: 15 * 60_000, frameMs: 2_000 };

/** Frames of one shape; `base` holds the numbers of the oldest of them. */
interface Run {
  shape: JsonShape;
  base: Float64Array;
}

/** A view without its lists of events: what the number vector holds. */
type Figures = Omit<Snapshot, 'feed' | 'alarms'>;

interface Frame {
  at: number;
  run: Run;
  /** From the frame before in the same run; NO_CHANGE for the run's oldest. */
  diff: Uint8Array;
  feed: FeedItem[];
}

/**
 * A replayed view's alarm list. Only the alarm queue reads it, and the queue follows the live view
 * always; kept, it would double what the history holds at high rates.
 */
const NO_ALARMS: FeedItem[] = [];

export class ViewHistory {
  private readonly frames: Frame[] = [];
  private readonly differ = new NumberDiffer();
  private readonly feeds = new FeedCompactor();
  /** Numbers of the newest frame, and room for the next. */
  private newest: Float64Array = new Float64Array(0);
  private next: Float64Array = new Float64Array(0);

  constructor(private readonly options: HistoryOptions) {
    if (!(options.frameMs > 0 && options.windowMs >= options.frameMs)) {
      throw new Error(`view history: need 0 < frameMs ≤ windowMs, got ${options.frameMs} and ${options.windowMs}`);
    }
  }

  get length(): number {
    return this.frames.length;
  }

  /** Relay time of the frame at `index` (0 the oldest). */
  atOf(index: number): number {
    const frame = this.frames[index];
    if (!frame) throw new Error(`view history: no frame ${index} of ${this.frames.length}`);
    return frame.at;
  }

  /** Keeps the view as a frame when `frameMs` has passed since the newest; true when kept. */
  record(view: Snapshot): boolean {
    const last = this.frames.at(-1);
    // The relay's clock went back (another relay, a clock step): the frames no longer line up.
    if (last && view.at < last.at) this.frames.length = 0;
    else if (last && view.at - last.at < this.options.frameMs) return false;
    const { feed: liveFeed, alarms: _alarms, ...figures } = view;
    const feed = this.feeds.keep(liveFeed);
    const run = this.frames.at(-1)?.run;
    if (run && numbersOf(run.shape, figures, this.next)) {
      this.frames.push({ at: view.at, run, diff: this.differ.diff(this.newest, this.next), feed });
      [this.newest, this.next] = [this.next, this.newest];
    } else {
      this.startRun(view.at, figures, feed);
    }
    this.dropBefore(view.at - this.options.windowMs);
    return true;
  }

  private startRun(at: number, figures: Figures, feed: FeedItem[]): void {
    const shape = shapeOf(figures);
    this.newest = new Float64Array(shape.slots);
    this.next = new Float64Array(shape.slots);
    numbersOf(shape, figures, this.newest);
    this.frames.push({ at, run: { shape, base: this.newest.slice() }, diff: NO_CHANGE, feed });
  }

  private dropBefore(oldestAt: number): void {
    while (this.frames.length > 1 && this.frames[0]!.at < oldestAt) {
      this.frames.shift();
      const first = this.frames[0]!;
      if (first.diff === NO_CHANGE) continue;
      applyNumberDiff(first.run.base, first.diff);
      first.diff = NO_CHANGE;
    }
  }

  /** The view of the frame at `index` (0 the oldest), rebuilt. */
  view(index: number): Snapshot {
    const frame = this.frames[index];
    if (!frame) throw new Error(`view history: no frame ${index} of ${this.frames.length}`);
    const numbers = frame.run.base.slice();
    let first = index;
    while (first > 0 && this.frames[first - 1]!.run === frame.run) first--;
    for (let i = first + 1; i <= index; i++) applyNumberDiff(numbers, this.frames[i]!.diff);
    return { ...(fromNumbers(frame.run.shape, numbers) as Figures), feed: frame.feed, alarms: NO_ALARMS };
  }

  /** Index of the frame nearest to relay time `at`; -1 when there is none. */
  nearest(at: number): number {
    let low = 0;
    let high = this.frames.length - 1;
    if (high < 0) return -1;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (this.frames[middle]!.at < at) low = middle + 1;
      else high = middle;
    }
    const before = low - 1;
    return before >= 0 && at - this.frames[before]!.at <= this.frames[low]!.at - at ? before : low;
  }

  /** Bytes the frames hold in diffs, and how many feed items they keep (for sizing). */
  size(): { diffBytes: number; baseBytes: number; feedItems: number } {
    const runs = new Set(this.frames.map((frame) => frame.run));
    const items = new Set(this.frames.flatMap((frame) => frame.feed));
    return {
      diffBytes: this.frames.reduce((sum, frame) => sum + frame.diff.byteLength, 0),
      baseBytes: [...runs].reduce((sum, run) => sum + run.base.byteLength, 0),
      feedItems: items.size,
    };
  }
}
