// Keeps the wall's view in step with the relay: a snapshot replaces it, each delta brings it
// forward with applyDelta (parts a delta does not touch keep their identity, so panels and
// layers redo only what changed). A gap in the sequence means deltas were lost: the view is
// kept on screen as it is and a new snapshot is asked for; deltas are ignored until it comes.
import { applyDelta } from '../../relay/state/applyDelta.ts';
import type { Delta, Snapshot } from '../../relay/state/view.ts';

/** Ask again when the snapshot asked for has not come by then (the request may have been lost). */
export const RESYNC_RETRY_MS = 3_000;

export class ViewSync {
  view: Snapshot | null = null;
  /** When the wall last asked for a snapshot; null while in step. */
  private askedAt: number | null = null;

  /** Whether deltas are being ignored until a snapshot comes. */
  get resyncing(): boolean {
    return this.askedAt !== null;
  }

  takeSnapshot(snapshot: Snapshot): void {
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
    this.askedAt = now;
    return true;
  }
}
