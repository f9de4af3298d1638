import { describe, expect, it } from 'vitest';
import { QUIET_AFTER_MS, STALE_AFTER_MS, freshnessOf } from '../../../wall/store/freshness.ts';

const NOW = 1_700_000_000_000;

describe('per-source freshness', () => {
  it('measuresTheAgeFromTheNewestEventsOwnTimeNotItsArrival', () => {
    // Rebuilt after a restart: arrived just now, but happened ten minutes ago.
    expect(freshnessOf({ lastTs: NOW - 600_000, receivedAt: NOW }, NOW)).toEqual({ ageMs: 600_000, level: 'stale' });
  });

  it('turnsAmberAfterAMinuteAndRedAfterFive', () => {
    const at = (ageMs: number) => freshnessOf({ lastTs: NOW - ageMs, receivedAt: NOW - ageMs }, NOW).level;
    expect(at(3_000)).toBe('fresh');
    expect(at(QUIET_AFTER_MS)).toBe('fresh');
    expect(at(QUIET_AFTER_MS + 1)).toBe('quiet');
    expect(at(STALE_AFTER_MS)).toBe('quiet');
    expect(at(STALE_AFTER_MS + 1)).toBe('stale');
  });

  it('hasNoAgeBeforeTheFirstEvent', () => {
    expect(freshnessOf({ lastTs: null, receivedAt: null }, NOW)).toEqual({ ageMs: null, level: 'none' });
  });

  it('neverShowsANegativeAgeForAnEventStampedAheadOfTheRelay', () => {
    expect(freshnessOf({ lastTs: NOW + 2_000, receivedAt: NOW }, NOW)).toEqual({ ageMs: 0, level: 'fresh' });
  });
});
