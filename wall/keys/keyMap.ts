// The wall's keys, in one table: each key (or the presenter clicker's page keys) and the command
// it gives, with the words the `?` help overlay shows for it. One keydown handler (App) looks a
// press up here and runs the command through the UI context; whoever owns the state behind a
// command (the store's language, the alarm desk's chime, the replay, the tour) carries it out.
// Held keys do not repeat and keys with Ctrl, Alt or Meta are the browser's (the kiosk lockdown
// blocks those), so a clicker or a stuck key never runs a command twice. Pure.
import type { MessageKey } from '../i18n/messages.ts';
import { LONG_STEP_MS, STEP_MS, type ReplayCommand } from '../replay/replayKeys.ts';

export type WallCommand =
  | 'lang'
  | 'privacy'
  | 'heat'
  | 'chime'
  | 'perf'
  | 'help'
  | 'tour'
  | 'tour-next'
  | 'tour-previous'
  | 'tour-blank'
  | 'replay'
  | 'replay-back'
  | 'replay-forward'
  | 'replay-back-minute'
  | 'replay-forward-minute'
  | 'replay-oldest'
  | 'replay-live';

export interface KeyBinding {
  /** `KeyboardEvent.key` values; a letter matches in either case. */
  keys: readonly string[];
  /** Whether Shift must be held (true) or not (false); either when absent. */
  shift?: boolean;
  command: WallCommand;
  /** The key as the help overlay writes it, and what it does; absent: shown on the row before. */
  help?: { caps: string; text: MessageKey };
}

export const KEY_MAP: readonly KeyBinding[] = [
  { keys: ['l'], command: 'lang', help: { caps: 'L', text: 'keyLang' } },
  { keys: ['p'], command: 'privacy', help: { caps: 'P', text: 'keyPrivacy' } },
  { keys: ['h'], command: 'heat', help: { caps: 'H', text: 'keyHeat' } },
  { keys: ['c'], command: 'chime', help: { caps: 'C', text: 'keyChime' } },
  { keys: ['r'], command: 'replay', help: { caps: 'R', text: 'keyReplay' } },
  { keys: ['ArrowLeft'], shift: false, command: 'replay-back', help: { caps: '← / →', text: 'keyReplayStep' } },
  { keys: ['ArrowRight'], shift: false, command: 'replay-forward' },
  { keys: ['ArrowLeft'], shift: true, command: 'replay-back-minute', help: { caps: 'Shift + ← / →', text: 'keyReplayMinute' } },
  { keys: ['ArrowRight'], shift: true, command: 'replay-forward-minute' },
  { keys: ['Home'], command: 'replay-oldest', help: { caps: 'Home', text: 'keyReplayOldest' } },
  { keys: ['End', 'Escape'], command: 'replay-live', help: { caps: 'End / Esc', text: 'keyReplayLive' } },
  { keys: ['t'], command: 'tour', help: { caps: 'T', text: 'keyTour' } },
  { keys: ['PageDown'], command: 'tour-next', help: { caps: 'PgDn / PgUp', text: 'keyTourStep' } },
  { keys: ['PageUp'], command: 'tour-previous' },
  { keys: ['b'], command: 'tour-blank', help: { caps: 'B', text: 'keyTourBlank' } },
  { keys: ['f'], command: 'perf', help: { caps: 'F', text: 'keyPerf' } },
  { keys: ['?'], command: 'help', help: { caps: '?', text: 'keyHelp' } },
];

export type KeyPress = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'repeat' | 'ctrlKey' | 'metaKey' | 'altKey'>;

const matches = (binding: KeyBinding, press: KeyPress) =>
  binding.keys.some((key) => key === press.key || (key.length === 1 && key === press.key.toLowerCase())) &&
  (binding.shift === undefined || binding.shift === press.shiftKey);

/** The command a key press gives; null for keys the wall leaves alone. */
export function commandFor(press: KeyPress): WallCommand | null {
  if (press.repeat || press.ctrlKey || press.metaKey || press.altKey) return null;
  return KEY_MAP.find((binding) => matches(binding, press))?.command ?? null;
}

/**
 * What a replay command asks of the replay. From live, the left arrow and Home rewind at once;
 * the right arrow and End/Escape mean nothing there (null) and are left to others.
 */
export function replayCommandOf(command: WallCommand, replaying: boolean): ReplayCommand | null {
  switch (command) {
    case 'replay':
      return { kind: 'toggle' };
    case 'replay-back':
      return { kind: 'step', ms: -STEP_MS };
    case 'replay-back-minute':
      return { kind: 'step', ms: -LONG_STEP_MS };
    case 'replay-oldest':
      return { kind: 'oldest' };
    case 'replay-forward':
      return replaying ? { kind: 'step', ms: STEP_MS } : null;
    case 'replay-forward-minute':
      return replaying ? { kind: 'step', ms: LONG_STEP_MS } : null;
    case 'replay-live':
      return replaying ? { kind: 'live' } : null;
    default:
      return null;
  }
}

/** The replay's commands, carried out by the replay bar. */
export const REPLAY_COMMANDS = [
  'replay',
  'replay-back',
  'replay-forward',
  'replay-back-minute',
  'replay-forward-minute',
  'replay-oldest',
  'replay-live',
] as const satisfies readonly WallCommand[];

/** The help overlay's rows, in the table's order. */
export const HELP_ROWS = KEY_MAP.flatMap((binding) => (binding.help ? [binding.help] : []));
