// A tiny stand-in for the geography pack: two compounds, and one box that `locate` knows.
import type { ValidationContext } from '../../../relay/contract/index.ts';

export const NOW = Date.UTC(2024, 4, 1, 4, 0, 0); // 2024-05-01 12:00 in Shanghai
export const KNOWN_COMPOUNDS = new Set(['SQ-C01', 'SQ-C02']);
/** Inside the box `locate` attributes to SQ-C02 (WGS84). */
export const INSIDE = { lng: 121.44, lat: 31.25 } as const;

export function locateInBox(lng: number, lat: number): string | null {
  return lng > 121.43 && lng < 121.45 && lat > 31.24 && lat < 31.26 ? 'SQ-C02' : null;
}

export function fakeContext(overrides: Partial<ValidationContext> = {}): ValidationContext {
  return {
    now: NOW,
    hasCompound: (id) => KNOWN_COMPOUNDS.has(id),
    locate: locateInBox,
    ...overrides,
  };
}

/** A valid wire event as a JSON string; a field set to undefined is left out. */
export function wire(overrides: Record<string, unknown> = {}): string {
  const base: Record<string, unknown> = {
    id: 'evt-1',
    ts: '2024-05-01T11:59:00+08:00',
    kind: 'smoke',
    compoundId: 'SQ-C01',
  };
  return JSON.stringify({ ...base, ...overrides });
}
