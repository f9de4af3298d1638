import { describe, expect, it } from 'vitest';
import { createBearerCheck, createTokenCheck } from '../../../relay/broadcast/wallAuth.ts';

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

describe('the bearer token on /metrics and /api/state', () => {
  it('lets every request in when no token is configured', () => {
    expect(createBearerCheck(null)(undefined)).toBe(true);
  });

  it('accepts only `Bearer <the exact token>`, the scheme in any case', () => {
    const check = createBearerCheck('correct-horse');
    expect(check('Bearer correct-horse')).toBe(true);
    expect(check('bearer correct-horse')).toBe(true);
    expect(check('Bearer correct-horsE')).toBe(false);
    expect(check('Bearer correct-hors')).toBe(false);
    expect(check('Basic correct-horse')).toBe(false);
    expect(check('correct-horse')).toBe(false);
    expect(check('Bearer ')).toBe(false);
    expect(check(undefined)).toBe(false);
  });
});
