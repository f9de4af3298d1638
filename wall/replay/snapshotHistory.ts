// The last minutes of the live snapshot, for the rewind: the relay's own deltas in a ring, with a
// snapshot every `keyframeMs` (and wherever the deltas do not follow on: a resync, another
// relay), and a frame — a point one can rewind to — every `frameMs` of the relay's clock. A
// frame's snapshot is rebuilt on demand from the keyframe before it with applyDelta, equal to the
// live snapshot of its time but for the alarm list (NO_ALARMS). Keyframes are the live snapshots
// themselves, so they share every part the deltas since did not touch; a place's cases come as
// patches of what changed, and a rebuilt place shares the rest with its version before. When a frame is kept, the
// deltas since the frame before lose what no frame shows (laterWrites.ts) — feed items that
// scrolled out before it, figures, places and heat cells that a later delta wrote again — so at a
// busy rate the ring holds about what the frames show, not every tick.
// Pure: the caller hands in each live snapshot and the delta it came by; nothing reads a clock.
import { applyDelta } from '../../relay/protocol/applyDelta.ts';
import type { Delta, FeedItem, Snapshot } from '../../relay/protocol/snapshot.ts';
import { LaterWrites } from './laterWrites.ts';

export interface HistoryOptions {
  /** How far back the history reaches, from its newest frame. */
  windowMs: number;
  /** The least time between two frames. */
  frameMs: number;
  /** The most time between two keyframes (a rebuild applies at most that many ticks of deltas). */
  keyframeMs: number;
}

/** The wall's: fifteen minutes, a frame every two seconds, a keyframe a minute (sizes in test/unit/wall/replay). */
export const REPLAY_HISTORY: Readonly<HistoryOptions> = { windowMs: 15 * 60_000, frameMs: 2_000, keyframeMs: 60_000 };

/** One live snapshot's way in: whole (a keyframe), or the delta from the step before. */
type Step = { at: number; seq: number } & ({ keyframe: Snapshot; delta?: never } | { delta: Delta; keyframe?: never });

interface Frame {
  at: number;
  /** Its step's number (steps are numbered from the first ever recorded). */
  step: number;
}

/**
 * A replayed snapshot's alarm list. Only the alarm queue reads it, and the queue follows the live
 * snapshot always; kept, the alarms would double what the history holds at high rates.
 */
const NO_ALARMS: FeedItem[] = [];

export class SnapshotHistory {
  private steps: Step[] = [];
  /** The number of steps[0]. */
  private firstStep = 0;
  private frames: Frame[] = [];
  private lastKeyframeAt = -Infinity;

  constructor(private readonly options: HistoryOptions) {
    const { frameMs, windowMs, keyframeMs } = options;
    if (!(frameMs > 0 && windowMs >= frameMs && keyframeMs >= frameMs)) {
      throw new Error(`snapshot history: need 0 < frameMs ≤ windowMs and frameMs ≤ keyframeMs, got ${frameMs}, ${windowMs} and ${keyframeMs}`);
    }
  }

  get length(): number {
    return this.frames.length;
  }

  /** Relay time of the frame at `index` (0 the oldest). */
  atOf(index: number): number {
    return this.frame(index).at;
  }

  /**
   * Takes each live snapshot, with the delta that brought it when there was one; true when it is
   * also kept as a frame (`frameMs` after the newest).
   */
  record(snapshot: Snapshot, delta?: Delta): boolean {
    const last = this.steps.at(-1);
    // The relay's clock went back (another relay, a clock step): the frames no longer line up.
    if (last && snapshot.at < last.at) this.clear();
    const newest = this.steps.at(-1);
    const follows = newest !== undefined && delta?.prevSeq === newest.seq && delta.seq === snapshot.seq;
    const { at, seq } = snapshot;
    if (follows && at - this.lastKeyframeAt < this.options.keyframeMs) {
      const { alarms: _alarms, ...figures } = delta;
      this.steps.push({ at, seq, delta: figures });
    } else {
      const keyframe = { ...snapshot, alarms: NO_ALARMS };
      this.steps.push({ at, seq, keyframe });
      this.lastKeyframeAt = at;
    }
    const lastFrame = this.frames.at(-1);
    const kept = !lastFrame || at - lastFrame.at >= this.options.frameMs;
    if (kept) {
      if (lastFrame) this.trimSince(lastFrame.step - this.firstStep, snapshot);
      this.frames.push({ at, step: this.firstStep + this.steps.length - 1 });
    }
    this.dropBefore(at - this.options.windowMs);
    return kept;
  }

  /** The snapshot of the frame at `index` (0 the oldest), rebuilt from the keyframe before it. */
  snapshot(index: number): Snapshot {
    const end = this.frame(index).step - this.firstStep;
    let start = end;
    while (!this.steps[start]!.keyframe) start--;
    let rebuilt = this.steps[start]!.keyframe!;
    for (let i = start + 1; i <= end; i++) {
      const next = applyDelta(rebuilt, this.steps[i]!.delta!);
      if (next === null) throw new Error(`snapshot history: delta ${this.steps[i]!.seq} does not follow ${rebuilt.seq}`);
      rebuilt = next;
    }
    return rebuilt;
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

  /** What the ring holds (for sizing): keyframes, deltas, and the feed items among them. */
  size(): { keyframes: number; deltas: number; feedItems: number } {
    const items = new Set<FeedItem>();
    for (const { keyframe, delta } of this.steps) {
      for (const item of [...(keyframe?.feed ?? delta?.feed ?? []), ...(keyframe?.cases.feed ?? delta?.cases?.feed ?? [])]) items.add(item);
    }
    const keyframes = this.steps.filter((step) => step.keyframe).length;
    return { keyframes, deltas: this.steps.length - keyframes, feedItems: items.size };
  }

  /** Trims the deltas after step `previous` (the frame before) up to the newest, a new frame's. */
  private trimSince(previous: number, frame: Snapshot): void {
    const later = new LaterWrites(new Set([...frame.feed, ...frame.cases.feed]));
    for (let i = this.steps.length - 1; i > previous; i--) {
      const step = this.steps[i]!;
      // Frames after a keyframe start from it: the deltas before it serve the frames before.
      if (!step.delta) break;
      this.steps[i] = { ...step, delta: later.trim(step.delta) };
    }
  }

  private frame(index: number): Frame {
    const frame = this.frames[index];
    if (!frame) throw new Error(`snapshot history: no frame ${index} of ${this.frames.length}`);
    return frame;
  }

  /** Drops frames older than `oldestAt` (keeping one), then the steps no frame needs. */
  private dropBefore(oldestAt: number): void {
    let drop = 0;
    while (drop < this.frames.length - 1 && this.frames[drop]!.at < oldestAt) drop++;
    if (drop === 0) return;
    this.frames = this.frames.slice(drop);
    let keep = this.frames[0]!.step - this.firstStep;
    while (!this.steps[keep]!.keyframe) keep--;
    if (keep === 0) return;
    this.steps = this.steps.slice(keep);
    this.firstStep += keep;
  }

  private clear(): void {
    this.firstStep += this.steps.length;
    this.steps = [];
    this.frames = [];
    this.lastKeyframeAt = -Infinity;
  }
}
