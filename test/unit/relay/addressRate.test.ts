import { describe, expect, it } from 'vitest';
import { createAddressRate } from '../../../relay/http/addressRate.ts';

describe('handshakes per address', () => {
  it('allows a burst, then the rate, each address on its own', () => {
    let now = 0;
    const rate = createAddressRate({ ratePerS: 2, burst: 3, now: () => now });
    expect([1, 2, 3, 4].map(() => rate.take('a'))).toEqual([true, true, true, false]);
    expect(rate.take('b')).toBe(true);
    now += 499;
    expect(rate.take('a')).toBe(false);
    now += 1;
    expect(rate.take('a')).toBe(true);
    expect(rate.take('a')).toBe(false);
    now += 60_000;
    expect([1, 2, 3, 4].map(() => rate.take('a'))).toEqual([true, true, true, false]);
  });

  it('remembers at most so many addresses, forgetting the least recently seen', () => {
    const rate = createAddressRate({ ratePerS: 1, burst: 1, now: () => 0, maxAddresses: 3 });
    for (const address of ['a', 'b', 'c', 'a', 'd']) rate.take(address);
    expect(rate.size).toBe(3);
    // b went first; a, seen again, stayed (and has no token left).
    expect(rate.take('a')).toBe(false);
    expect(rate.take('b')).toBe(true);
  });
});
