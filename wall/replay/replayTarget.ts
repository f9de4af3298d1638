// Where a replay command leads: the frame to show, live, or nowhere (no frame yet). A step goes
// to the frame nearest to the time a step away, and always at least one frame on: frames are
// further apart than a step where the relay was away. Pure.
import type { ReplayCommand } from './replayKeys.ts';

/** The frames' relay times, oldest first (SnapshotHistory). */
export interface FrameTimes {
  readonly length: number;
  atOf(index: number): number;
  /** Index of the frame nearest to `at`; -1 when there is none. */
  nearest(at: number): number;
}

export type ReplayTarget = number | 'live' | null;

/** `shownAt`: relay time of the frame on screen; null while live. */
export function replayTarget(frames: FrameTimes, shownAt: number | null, command: ReplayCommand): ReplayTarget {
  const last = frames.length - 1;
  if (command.kind === 'live' || (command.kind === 'toggle' && shownAt !== null)) return 'live';
  if (last < 0) return null;
  if (command.kind === 'toggle') return last;
  if (command.kind === 'oldest') return 0;
  const from = shownAt === null ? last : frames.nearest(shownAt);
  const to = frames.nearest(frames.atOf(from) + command.ms);
  if (to !== from || shownAt === null) return to;
  return Math.min(last, Math.max(0, from + Math.sign(command.ms)));
}
