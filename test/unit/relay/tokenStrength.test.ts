import { describe, expect, it } from 'vitest';
import { tokenWeakness } from '../../../relay/broadcast/tokenStrength.ts';

describe('the strength of a wall token', () => {
  it.each(['6f1c9a0e4b27d8e3c5a1f09b', 'Xq7-mP2_vL9!rT4#', 'wall-9f3e1c-probe-7a2d'])('accepts %s', (token) => {
    expect(tokenWeakness(token)).toBeNull();
  });

  it.each([
    ['wall-9f3e1c-7a2', 'must be at least 16 characters'],
    ['石泉石泉-wall-token-0001', 'must be visible ASCII characters only (it travels in HTTP headers), no white space'],
    ['wall token 9f3e1c 7a2d', 'must be visible ASCII characters only (it travels in HTTP headers), no white space'],
    ['aaaaaaaaaaaaaaaaaaaa', 'is too weak: fewer than 8 different characters'],
    ['abababab12121212', 'is too weak: fewer than 8 different characters'],
    ['x9-abcdefg-k2m4pq', 'is too weak: 6 or more characters in sequence (like abcdef or 123456)'],
    ['wall-987654-k2m4pq', 'is too weak: 6 or more characters in sequence (like abcdef or 123456)'],
    ['Changeme-9f3e1c-7a2d', 'is too weak: it contains "changeme"'],
    ['my-PASSWORD-9f3e1c', 'is too weak: it contains "password"'],
  ])('refuses %s', (token, why) => {
    expect(tokenWeakness(token)).toBe(why);
  });
});
