import { describe, expect, it } from 'vitest';
import { HELP_ROWS, KEY_MAP, commandFor, replayCommandOf, type KeyPress } from '../../../../wall/keys/keyMap.ts';
import { MESSAGES } from '../../../../wall/i18n/messages.ts';
import { LONG_STEP_MS, STEP_MS } from '../../../../wall/replay/replayKeys.ts';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  repeat: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...more,
});

/** The replay's command for a key press, through the wall's one key map. */
function replayCommand(press: KeyPress, replaying: boolean) {
  const command = commandFor(press);
  return command && replayCommandOf(command, replaying);
}

describe('the replay keys', () => {
  it('stepsTenSecondsOrAMinuteWithShiftBothWaysWhileReplaying', () => {
    expect(replayCommand(press('ArrowLeft'), true)).toEqual({ kind: 'step', ms: -STEP_MS });
    expect(replayCommand(press('ArrowRight'), true)).toEqual({ kind: 'step', ms: STEP_MS });
    expect(replayCommand(press('ArrowLeft', { shiftKey: true }), true)).toEqual({ kind: 'step', ms: -LONG_STEP_MS });
    expect(replayCommand(press('ArrowRight', { shiftKey: true }), true)).toEqual({ kind: 'step', ms: LONG_STEP_MS });
    expect([STEP_MS, LONG_STEP_MS]).toEqual([10_000, 60_000]);
  });

  it('togglesWithRGoesToTheOldestWithHomeAndBackToLiveWithEndOrEscape', () => {
    expect(replayCommand(press('r'), false)).toEqual({ kind: 'toggle' });
    expect(replayCommand(press('R', { shiftKey: true }), true)).toEqual({ kind: 'toggle' });
    expect(replayCommand(press('Home'), true)).toEqual({ kind: 'oldest' });
    expect(replayCommand(press('End'), true)).toEqual({ kind: 'live' });
    expect(replayCommand(press('Escape'), true)).toEqual({ kind: 'live' });
  });

  it('rewindsFromLiveButLeavesTheOtherKeysToOthersThere', () => {
    expect(replayCommand(press('ArrowLeft'), false)).toEqual({ kind: 'step', ms: -STEP_MS });
    expect(replayCommand(press('Home'), false)).toEqual({ kind: 'oldest' });
    for (const key of ['ArrowRight', 'End', 'Escape', 'PageDown', 'l', 'T']) expect(replayCommand(press(key), false)).toBeNull();
  });

  it('ignoresHeldKeysAndKeysWithModifiers', () => {
    for (const more of [{ repeat: true }, { ctrlKey: true }, { metaKey: true }, { altKey: true }]) {
      expect(replayCommand(press('ArrowLeft', more), true)).toBeNull();
      expect(replayCommand(press('r', more), false)).toBeNull();
    }
  });
});

describe('the key map', () => {
  it('givesEachKeyTheCommandItGaveBeforeAndQuestionMarkTheHelp', () => {
    const commands = Object.fromEntries(['l', 'L', 'p', 'H', 'c', 'f', 'T', 'PageDown', 'PageUp', 'b', '?'].map((key) => [key, commandFor(press(key))]));
    expect(commands).toEqual({
      l: 'lang',
      L: 'lang',
      p: 'privacy',
      H: 'heat',
      c: 'chime',
      f: 'perf',
      T: 'tour',
      PageDown: 'tour-next',
      PageUp: 'tour-previous',
      b: 'tour-blank',
      '?': 'help',
    });
    expect(commandFor(press('x'))).toBeNull();
    expect(commandFor(press('l', { ctrlKey: true }))).toBeNull();
  });

  it('bindsEachKeyOnceAndShowsEveryCommandInTheHelpInBothLanguages', () => {
    const presses = KEY_MAP.flatMap(({ keys, shift }) => keys.map((key) => `${shift ? 'Shift+' : ''}${key.toLowerCase()}`));
    expect(new Set(presses).size).toBe(presses.length);
    expect(KEY_MAP[0]?.help).toBeDefined();
    for (const { text } of HELP_ROWS) {
      expect(MESSAGES[text].zh).not.toBe('');
      expect(MESSAGES[text].en).not.toBe('');
    }
  });
});
