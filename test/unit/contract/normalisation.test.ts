import { describe, expect, it, vi } from 'vitest';
import { gcj02ToWgs84 } from '../../../geo/gcj02.ts';
import {
  KINDS,
  isCaseKind,
  KIND_INFO,
  sourceOfKind,
  validateEvent,
  type ShiquanEvent,
  type ValidationContext,
} from '../../../relay/contract/index.ts';
import { INSIDE, NOW, fakeContext, wire } from './fakeContext.ts';

function accept(input: unknown, ctx: Partial<ValidationContext> = {}): ShiquanEvent {
  const result = validateEvent(input, fakeContext(ctx));
  if (!result.ok) throw new Error(`rejected: ${result.reason} (${result.detail})`);
  return result.event;
}

describe('normalisation', () => {
  it('turns a minimal event into the full shape with nulls for what it left out', () => {
    expect(accept(wire())).toEqual({
      id: 'evt-1',
      ts: Date.UTC(2024, 4, 1, 3, 59),
      source: 'sensor',
      kind: 'smoke',
      compoundId: 'SQ-C01',
      lng: null,
      lat: null,
      severity: 'critical',
      status: 'open',
      ref: null,
      deviceId: null,
      note: null,
      step: null,
    });
  });

  it.each(KINDS)('applies the defaults of %s on its own topic', (kind) => {
    const event = accept(wire({ kind }), { source: sourceOfKind(kind) });
    expect(event.source).toBe(KIND_INFO[kind].source);
    expect(event.severity).toBe(KIND_INFO[kind].severity);
    // Incidents and cases open; passes and door swipes have no status.
    expect(event.status).toBe(KIND_INFO[kind].incident || isCaseKind(kind) ? 'open' : null);
    expect(event.step).toBeNull();
  });

  it('reads a grid or hotline step with the outcomes its stage carries', () => {
    const step = (fields: Record<string, unknown>) => accept(wire({ kind: 'noise', ref: 'h-7', ...fields }), { source: 'hotline' });
    expect(step({ id: 's1', stage: 'contacted' })).toMatchObject({ status: null, ref: 'h-7', step: { stage: 'contacted' } });
    expect(step({ id: 's2', stage: 'finished', onTime: false }).step).toEqual({ stage: 'finished', onTime: false });
    expect(step({ id: 's3', stage: 'reviewed', resolved: true, satisfied: false }).step).toEqual({
      stage: 'reviewed',
      resolved: true,
      satisfied: false,
    });
    expect(step({ id: 's4', stage: 'closed', status: 'closed' })).toMatchObject({ status: 'closed', step: { stage: 'closed' } });
    const grid = accept(wire({ id: 'g', kind: 'rubbish_pile', ref: 'g-1', stage: 'handled', note: null }), { source: 'grid' });
    expect(grid).toMatchObject({ source: 'grid', status: null, ref: 'g-1', step: { stage: 'handled' } });
  });

  it('opens a case with or without an explicit status "open"', () => {
    expect(accept(wire({ kind: 'street_trading', status: 'open' }), { source: 'grid' })).toMatchObject({ status: 'open', step: null });
    expect(accept(wire({ kind: 'enquiry' }), { source: 'hotline' })).toMatchObject({ status: 'open', step: null });
  });

  it('keeps an explicit severity over the default', () => {
    expect(accept(wire({ kind: 'door_open', severity: 'critical' })).severity).toBe('critical');
    expect(accept(wire({ kind: 'smoke', severity: 'info' })).severity).toBe('info');
  });

  it('converts ISO times with an offset and keeps epoch ms', () => {
    const iso = accept(wire({ ts: '2024-05-01T03:59:00.250Z' }));
    expect(iso.ts).toBe(Date.UTC(2024, 4, 1, 3, 59, 0, 250));
    expect(accept(wire({ ts: NOW - 1000 })).ts).toBe(NOW - 1000);
  });

  it('accepts times exactly at the edges of the window', () => {
    expect(accept(wire({ ts: NOW - 35 * 24 * 60 * 60_000 })).ts).toBe(NOW - 35 * 24 * 60 * 60_000);
    expect(accept(wire({ ts: NOW + 5 * 60_000 })).ts).toBe(NOW + 5 * 60_000);
  });

  it('attributes a WGS84 position with locate and keeps it', () => {
    const locate = vi.fn(() => 'SQ-C02');
    const event = accept(wire({ compoundId: undefined, ...INSIDE }), { locate });
    expect(locate).toHaveBeenCalledWith(INSIDE.lng, INSIDE.lat);
    expect(event).toMatchObject({ compoundId: 'SQ-C02', lng: INSIDE.lng, lat: INSIDE.lat });
  });

  it('converts a GCJ-02 position to WGS84 before locating and keeping it', () => {
    const gcj = { lng: 121.4445, lat: 31.248 };
    const [lng, lat] = gcj02ToWgs84(gcj.lng, gcj.lat);
    const locate = vi.fn(() => 'SQ-C02');
    const event = accept(wire({ compoundId: undefined, crs: 'gcj02', ...gcj }), { locate });
    expect(locate).toHaveBeenCalledWith(lng, lat);
    expect(event).toMatchObject({ lng, lat });
    // The GCJ-02 offset in Shanghai is a few hundred metres, so the conversion is visible.
    expect(Math.abs(event.lng! - gcj.lng)).toBeGreaterThan(0.003);
  });

  it('prefers compoundId over the position and does not call locate', () => {
    const locate = vi.fn(() => 'SQ-C02');
    const event = accept(wire({ compoundId: 'SQ-C01', ...INSIDE }), { locate });
    expect(locate).not.toHaveBeenCalled();
    expect(event).toMatchObject({ compoundId: 'SQ-C01', lng: INSIDE.lng, lat: INSIDE.lat });
  });

  it('reads null optional fields as absent', () => {
    const event = accept(
      wire({ severity: null, status: null, ref: null, deviceId: null, note: null, crs: null }),
    );
    expect(event).toMatchObject({ severity: 'critical', status: 'open', ref: null, note: null });
  });

  it('accepts a closed incident with the ref of the event that opened it', () => {
    const event = accept(wire({ id: 'evt-2', status: 'closed', ref: 'evt-1' }));
    expect(event).toMatchObject({ status: 'closed', ref: 'evt-1' });
  });

  it('accepts identifiers and notes right at their limits, counted in characters', () => {
    const event = accept(
      wire({ id: 'e'.repeat(64), deviceId: '设'.repeat(64), note: '🚒'.repeat(280) }),
    );
    expect(event.note).toHaveLength(560);
    expect(event.deviceId).toHaveLength(64);
  });

  it('accepts any kind when the topic is not known', () => {
    expect(accept(wire({ kind: 'burglary' })).source).toBe('alarm110');
    expect(accept(wire({ kind: 'watchlist_hit' })).source).toBe('camera');
  });

  it('reads bytes, strings and parsed objects alike', () => {
    const text = wire({ note: '楼道有烟味 <b>not html</b>', deviceId: 'smk-07' });
    const fromString = accept(text);
    expect(accept(new TextEncoder().encode(text))).toEqual(fromString);
    expect(accept(JSON.parse(text))).toEqual(fromString);
    expect(fromString.note).toBe('楼道有烟味 <b>not html</b>');
  });

  it('accepts a message of exactly 8 KiB', () => {
    const text = wire();
    const padded = `${text.slice(0, -1)}${' '.repeat(8192 - text.length)}}`;
    expect(new TextEncoder().encode(padded).byteLength).toBe(8192);
    expect(accept(padded).id).toBe('evt-1');
  });
});
