// Keeps the wall's view in step with the relay: a snapshot replaces it, each delta brings it
// forward with applyDelta (parts a delta does not touch keep their identity, so panels and
// layers redo only what changed). A gap in the sequence means deltas were lost: the view is
// kept on screen as it is and a new snapshot is asked for; deltas are ignored until it comes.
import { applyDelta } from '../../relay/state/applyDelta.ts';
import type { Delta, Snapshot } from '../../relay/state/view.ts';

/** Ask again when the snapshot asked for has not come by then (the request may have been lost). */
export const RESYNC_RETRY_MS = 3_000;

/** How often the wall fell out of step, since it started (the performance readout shows them). */
export interface SyncStats {
  /** Gaps found in the sequence of deltas. */
  gaps: number;
  /** Deltas that never reached the wall: the sequence numbers the gaps skipped. */
  dropped: number;
  /** Snapshots that put the wall back in step after a gap. */
  resyncs: number;
}

export class ViewSync {
  view: Snapshot | null = null;
  /** When the wall last asked for a snapshot; null while in step. */
  private askedAt: number | null = null;
  private readonly counts: SyncStats = { gaps: 0, dropped: 0, resyncs: 0 };

  get stats(): SyncStats {
    return { ...this.counts };
  }

  /** Whether deltas are being ignored until a snapshot comes. */
  get resyncing(): boolean {
    return this.askedAt !== null;
  }

  takeSnapshot(snapshot: Snapshot): void {
    if (this.askedAt !== null) this.counts.resyncs++;
    this.view = snapshot;
    this.askedAt = null;
  }

  /** Applies a delta at `now` (ms); true when the wall should ask the relay for a snapshot. */
  takeDelta(delta: Delta, now: number): boolean {
    if (this.view === null) return false;
    if (this.askedAt !== null) {
      if (now - this.askedAt < RESYNC_RETRY_MS) return false;
      this.askedAt = now;
      return true;
    }
    const next = applyDelta(this.view, delta);
    if (next !== null) {
      this.view = next;
      return false;
    }
    this.counts.gaps++;
    this.counts.dropped += Math.max(0, delta.prevSeq - this.view.seq);
    this.askedAt = now;
    return true;
  }
}
