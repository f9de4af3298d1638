import { describe, expect, it } from 'vitest';
import { parseEventTime } from '../../../relay/contract/index.ts';

describe('event time', () => {
  it('reads ISO-8601 with a Z or ±hh:mm offset as epoch ms', () => {
    const expected = Date.UTC(2024, 4, 1, 3, 59, 0);
    expect(parseEventTime('2024-05-01T03:59:00Z')).toBe(expected);
    expect(parseEventTime('2024-05-01T11:59:00+08:00')).toBe(expected);
    expect(parseEventTime('2024-04-30T22:29:00-05:30')).toBe(expected);
    expect(parseEventTime('2024-05-01T11:59+08:00')).toBe(expected);
  });

  it('keeps milliseconds and ignores finer fractions', () => {
    expect(parseEventTime('2024-05-01T03:59:00.5Z')).toBe(Date.UTC(2024, 4, 1, 3, 59, 0, 500));
    expect(parseEventTime('2024-05-01T03:59:00.123456789Z')).toBe(
      Date.UTC(2024, 4, 1, 3, 59, 0, 123),
    );
  });

  it('passes integer epoch ms through', () => {
    expect(parseEventTime(1714535940000)).toBe(1714535940000);
  });

  it('refuses a time without an offset, because its zone would be a guess', () => {
    expect(parseEventTime('2024-05-01T11:59:00')).toBeNull();
    expect(parseEventTime('2024-05-01')).toBeNull();
  });

  it.each([
    '2024-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-05-01T24:00:00Z',
    '2024-05-01T12:60:00Z',
    '2024-05-01T12:00:60Z',
    '2024-05-01T12:00:00+24:00',
    '2024-05-01 12:00:00Z',
    '2024-05-01T12:00:00+0800',
    ' 2024-05-01T12:00:00Z',
    '1714535940000',
  ])('refuses the malformed time %j', (text) => {
    expect(parseEventTime(text)).toBeNull();
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseEventTime('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])(
    'refuses the non-integer or unsafe epoch %d',
    (value) => {
      expect(parseEventTime(value)).toBeNull();
    },
  );

  it('does not map two-digit years to the 1900s', () => {
    expect(new Date(parseEventTime('0050-01-01T00:00:00Z') ?? 0).getUTCFullYear()).toBe(50);
  });
});
