import { describe, expect, it } from 'vitest';
import { LONG_STEP_MS, STEP_MS, replayCommand, type KeyPress } from '../../../../wall/replay/replayKeys.ts';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  repeat: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...more,
});

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
