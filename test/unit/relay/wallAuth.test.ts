import { describe, expect, it } from 'vitest';
import { createTokenCheck } from '../../../relay/broadcast/wallAuth.ts';

describe('the wall token check', () => {
  it('lets every wall in when no token is configured', () => {
    const check = createTokenCheck(null);
    expect(check({})).toBe(true);
    expect(check(undefined)).toBe(true);
  });

  it('accepts only the exact token', () => {
    const check = createTokenCheck('correct-horse');
    expect(check({ token: 'correct-horse' })).toBe(true);
    expect(check({ token: 'correct-horsE' })).toBe(false);
    expect(check({ token: 'correct-horse-battery' })).toBe(false);
    expect(check({ token: '' })).toBe(false);
    expect(check({})).toBe(false);
    expect(check(null)).toBe(false);
    expect(check({ token: ['correct-horse'] })).toBe(false);
  });
});
