import { describe, expect, it } from 'vitest';
import { createGuessGate } from '../../../relay/broadcast/guessGate.ts';

const OPTIONS = { intervalMs: 500, maxWaiting: 3, logEveryMs: 10_000, forgetMs: 60_000 };

describe('token guesses from one address', () => {
  it('checks an address at once until it is refused, then spaces its checks', () => {
    let now = 0;
    const gate = createGuessGate({ ...OPTIONS, now: () => now });
    expect(gate.turn('a')).toBe(0);
    gate.checked('a');
    expect(gate.refused('a')).toBe(1);
    // Three more guesses at once wait their turns, half a second apart; a fourth is refused unchecked.
    expect([gate.turn('a'), gate.turn('a'), gate.turn('a'), gate.turn('a')]).toEqual([500, 1000, 1500, null]);
    // Another address is not held up.
    expect(gate.turn('b')).toBe(0);
    now = 500;
    gate.checked('a');
    expect(gate.turn('a')).toBe(1500);
  });

  it('reports refusals for a log line at most every ten seconds, with the count since the last', () => {
    let now = 0;
    const gate = createGuessGate({ ...OPTIONS, now: () => now });
    expect(gate.refused('a')).toBe(1);
    for (let i = 0; i < 5; i++) {
      now += 1_000;
      expect(gate.refused('a')).toBeNull();
    }
    now = 10_000;
    expect(gate.refused('a')).toBe(6);
  });

  it('forgets an address a minute after its last refusal', () => {
    let now = 0;
    const gate = createGuessGate({ ...OPTIONS, now: () => now });
    gate.refused('a');
    now = 60_001;
    expect(gate.turn('a')).toBe(0);
    expect(gate.refused('a')).toBe(1);
  });
});
