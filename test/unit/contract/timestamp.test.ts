import { describe, expect, it } from 'vitest';
import { parseEventTime } from '../../../relay/contract/index.ts';
import { seededRandom } from '../../../lib/random.ts';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

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

  it('agrees with the JavaScript engine’s own ISO reading on 20,000 random times', () => {
    const random = seededRandom(2024);
    const int = (from: number, to: number) => Math.floor(random.between(from, to + 1));
    for (let i = 0; i < 20_000; i++) {
      const [year, month] = [int(1000, 2999), int(1, 12)];
      const day = int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
      const seconds = random.between(0, 1) < 0.8 ? `:${pad(int(0, 59))}${random.between(0, 1) < 0.5 ? `.${pad(int(0, 999), 3)}` : ''}` : '';
      const offset = random.between(0, 1) < 0.2 ? 'Z' : `${random.between(0, 1) < 0.5 ? '+' : '-'}${pad(int(0, 23))}:${pad(int(0, 59))}`;
      const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(int(0, 23))}:${pad(int(0, 59))}${seconds}${offset}`;
      expect(parseEventTime(text), text).toBe(Date.parse(text));
    }
  });
});
