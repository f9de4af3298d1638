import { describe, expect, it } from 'vitest';
import { QUIET_AFTER_MS, STALE_AFTER_MS, freshnessOf, silenceLimits } from '../../../wall/store/freshness.ts';

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

  it('keepsTheMinuteAndTheFiveForABusySource', () => {
    // About one camera event a second yesterday: its own gaps are far shorter than the floors.
    expect(silenceLimits(100_000)).toEqual({ quietMs: QUIET_AFTER_MS, staleMs: STALE_AFTER_MS });
    const at = (ageMs: number) => freshnessOf({ lastTs: NOW - ageMs, receivedAt: NOW }, NOW, 100_000).level;
    expect(at(STALE_AFTER_MS + 1)).toBe('stale');
  });

  it('judgesAQuietSourceByItsOwnRateOfYesterday', () => {
    // Four 110 calls yesterday: a six-hour gap is ordinary, red only after seven such gaps.
    const at = (ageMs: number) => freshnessOf({ lastTs: NOW - ageMs, receivedAt: NOW }, NOW, 4).level;
    expect(at(STALE_AFTER_MS + 1)).toBe('fresh');
    expect(at(6 * 3_600_000)).toBe('fresh');
    expect(at(18 * 3_600_000 + 1)).toBe('quiet');
    expect(at(42 * 3_600_000 + 1)).toBe('stale');
    // 36 sensor alarms yesterday: a mean gap of 40 minutes.
    expect(silenceLimits(36)).toEqual({ quietMs: 2 * 3_600_000, staleMs: (14 / 3) * 3_600_000 });
  });

  it('hasNoAgeBeforeTheFirstEvent', () => {
    expect(freshnessOf({ lastTs: null, receivedAt: null }, NOW)).toEqual({ ageMs: null, level: 'none' });
  });

  it('neverShowsANegativeAgeForAnEventStampedAheadOfTheRelay', () => {
    expect(freshnessOf({ lastTs: NOW + 2_000, receivedAt: NOW }, NOW)).toEqual({ ageMs: 0, level: 'fresh' });
  });
});
