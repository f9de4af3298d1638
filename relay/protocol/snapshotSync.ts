// Keeps a client's snapshot in step with the relay: a snapshot replaces it, each delta brings it
// forward with applyDelta (parts a delta does not touch keep their identity, so the wall's panels
// and layers redo only what changed). A gap in the sequence means deltas were lost: the snapshot
// is kept as it is and a new one is asked for; deltas are ignored until it comes. Pure: the
// RelayClient feeds it, and tests feed it by hand.
import { applyDelta } from './applyDelta.ts';
import type { Delta, Snapshot } from './snapshot.ts';

/** Ask again when the snapshot asked for has not come by then (the request may have been lost). */
export const RESYNC_RETRY_MS = 3_000;

/** How often a client fell out of step, since it started (the wall's performance readout shows them). */
export interface SyncStats {
  /** Gaps found in the sequence of deltas. */
  gaps: number;
  /** Deltas that never reached the client: the sequence numbers the gaps skipped. */
  dropped: number;
  /** Snapshots that put the client back in step after a gap. */
  resyncs: number;
}

/** What a RelayClient hands the relay's figures to. */
export interface SnapshotSink {
  takeSnapshot(snapshot: Snapshot, now: number): void;
  /** Takes a delta at `now` (ms); true when the client should ask the relay for a snapshot. */
  takeDelta(delta: Delta, now: number): boolean;
}

export class SnapshotSync implements SnapshotSink {
  snapshot: Snapshot | null = null;
  /** When the client last asked for a snapshot; null while in step. */
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
    this.snapshot = snapshot;
    this.askedAt = null;
  }

  takeDelta(delta: Delta, now: number): boolean {
    if (this.snapshot === null) return false;
    if (this.askedAt !== null) {
      if (now - this.askedAt < RESYNC_RETRY_MS) return false;
      this.askedAt = now;
      return true;
    }
    const next = applyDelta(this.snapshot, delta);
    if (next !== null) {
      this.snapshot = next;
      return false;
    }
    this.counts.gaps++;
    this.counts.dropped += Math.max(0, delta.prevSeq - this.snapshot.seq);
    this.askedAt = now;
    return true;
  }
}
