// The wall's replay: the history of the live snapshot (snapshotHistory.ts), and which of its frames is on
// screen — none while live. The store shows `shown` in place of the live view, so every panel,
// the map and the clock show the past together. Paused: a frame stays until a command moves it,
// or until nobody has touched the replay for REPLAY_IDLE_MS: a wall left rewound by mistake must
// not show old figures for hours.
import type { Delta, Snapshot } from '../../relay/protocol/snapshot.ts';
import type { ReplayCommand } from './replayKeys.ts';
import { replayTarget } from './replayTarget.ts';
import type { ReplaySpan } from './replayTrack.ts';
import { REPLAY_HISTORY, SnapshotHistory } from './snapshotHistory.ts';

/** Relay time after the last command at which a rewound wall returns to live by itself. */
export const REPLAY_IDLE_MS = 5 * 60_000;

export class Replay {
  private readonly history = new SnapshotHistory(REPLAY_HISTORY);
  /** Relay time of the latest live view, and of the latest command. */
  private liveAt = 0;
  private touchedAt = 0;
  /** The frame on screen; null while live. */
  shown = $state.raw<Snapshot | null>(null);
  /** The frames' window; null before the first frame. */
  span = $state.raw<ReplaySpan | null>(null);

  get active(): boolean {
    return this.shown !== null;
  }

  /**
   * Hands in each new live snapshot, with the delta that brought it (none after a snapshot from
   * the relay); a frame is kept every REPLAY_HISTORY.frameMs.
   */
  record(view: Snapshot, delta?: Delta): void {
    this.liveAt = view.at;
    if (this.shown && view.at - this.touchedAt >= REPLAY_IDLE_MS) this.shown = null;
    if (!this.history.record(view, delta)) return;
    this.span = { oldest: this.history.atOf(0), newest: this.history.atOf(this.history.length - 1) };
  }

  run(command: ReplayCommand): void {
    this.touchedAt = this.liveAt;
    this.go(replayTarget(this.history, this.shown?.at ?? null, command));
  }

  /** Shows the frame nearest to relay time `at` (the bar's track). */
  seek(at: number): void {
    this.touchedAt = this.liveAt;
    this.go(this.history.nearest(at));
  }

  private go(target: number | 'live' | null): void {
    if (target === 'live') this.shown = null;
    else if (target !== null && target >= 0 && this.history.atOf(target) !== this.shown?.at) this.shown = this.history.snapshot(target);
  }
}
