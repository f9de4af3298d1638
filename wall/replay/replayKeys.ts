// The replay's keys, as a command for the replay: R in and out, the arrows a step back or on
// (Shift for a minute), Home the oldest frame, End or Escape back to live. From live, the left
// arrow and Home rewind at once. Held keys do not repeat, like every key of the wall. Pure.

export const STEP_MS = 10_000;
export const LONG_STEP_MS = 60_000;

export type ReplayCommand =
  | { kind: 'toggle' }
  | { kind: 'step'; ms: number }
  | { kind: 'oldest' }
  | { kind: 'live' };

export type KeyPress = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'repeat' | 'ctrlKey' | 'metaKey' | 'altKey'>;

/** The command a key gives; null for keys the replay leaves to others. */
export function replayCommand(press: KeyPress, replaying: boolean): ReplayCommand | null {
  if (press.repeat || press.ctrlKey || press.metaKey || press.altKey) return null;
  const step = press.shiftKey ? LONG_STEP_MS : STEP_MS;
  switch (press.key) {
    case 'r':
    case 'R':
      return { kind: 'toggle' };
    case 'ArrowLeft':
      return { kind: 'step', ms: -step };
    case 'Home':
      return { kind: 'oldest' };
    case 'ArrowRight':
      return replaying ? { kind: 'step', ms: step } : null;
    case 'End':
    case 'Escape':
      return replaying ? { kind: 'live' } : null;
    default:
      return null;
  }
}
