import { describe, expect, it } from 'vitest';
import { REJECT_REASONS, validateEvent } from '../../../relay/contract/index.ts';
import { fakeContext, wire } from './fakeContext.ts';

const ctx = fakeContext();

function expectRejectedSafely(input: unknown): void {
  let result: ReturnType<typeof validateEvent> | undefined;
  expect(() => {
    result = validateEvent(input, ctx);
  }).not.toThrow();
  expect(result?.ok).toBe(false);
  if (result && !result.ok) expect(REJECT_REASONS).toContain(result.reason);
}

// A small deterministic generator, so a failing fuzz case can be reproduced.
function xorshift(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

describe('hostile input', () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.id = cyclic;
  const throwingGetter = Object.defineProperty({}, 'id', {
    enumerable: true,
    get() {
      throw new Error('getter');
    },
  });

  it.each([
    ['undefined', undefined],
    ['a symbol', Symbol('x')],
    ['a bigint', 10n],
    ['a function', () => ({ id: 'x' })],
    ['a 10 MB string', 'x'.repeat(10_000_000)],
    ['a 10 MB buffer', new Uint8Array(10_000_000)],
    ['deep nesting within 8 KiB', `${'['.repeat(4000)}${']'.repeat(4000)}`],
    ['deep object nesting', `${'{"id":'.repeat(1300)}1${'}'.repeat(1300)}`],
    ['unclosed deep nesting', '['.repeat(8000)],
    ['NUL bytes', new Uint8Array(100)],
    ['a byte-order mark alone', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['a cyclic object', cyclic],
    ['a throwing getter', throwingGetter],
    ['a null-prototype object without fields', Object.create(null)],
    ['a class instance', new (class Event {})()],
    ['a Map', new Map([['id', 'x']])],
  ])('rejects %s without throwing', (_name, input) => {
    expectRejectedSafely(input);
  });

  it('never pollutes prototypes through __proto__, constructor or prototype keys', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      expectRejectedSafely(`{"${key}":{"polluted":true,"prototype":{"polluted":true}}}`);
      expectRejectedSafely(wire({}).replace('{', `{"${key}":{"polluted":true},`));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('never throws on random bytes', () => {
    const random = xorshift(20240501);
    for (let i = 0; i < 2000; i++) {
      const bytes = new Uint8Array(Math.floor(random() * 300));
      for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
      expectRejectedSafely(bytes);
    }
  });

  it('never throws on valid events with random bytes flipped', () => {
    const random = xorshift(7);
    const valid = new TextEncoder().encode(
      wire({ note: '楼道有烟味', deviceId: 'smk-07', lng: 121.44, lat: 31.25, crs: 'gcj02' }),
    );
    for (let i = 0; i < 2000; i++) {
      const bytes = valid.slice();
      const flips = 1 + Math.floor(random() * 4);
      for (let f = 0; f < flips; f++) {
        bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      }
      const result = validateEvent(bytes, ctx);
      if (!result.ok) expect(REJECT_REASONS).toContain(result.reason);
    }
  });

  it('keeps details short even when the offending value is long', () => {
    const result = validateEvent(wire({ kind: 'k'.repeat(5000) }), ctx);
    expect(result).toMatchObject({ ok: false, reason: 'unknown_kind' });
    if (!result.ok) expect(result.detail.length).toBeLessThan(120);
  });
});
