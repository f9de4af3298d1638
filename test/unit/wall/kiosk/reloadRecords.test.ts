import { describe, expect, it } from 'vitest';
import { RECORDS_KEPT, WATCHDOG_GUARD_MS, parseRecords, watchdogReloadAllowed, withRecord, type ReloadRecord } from '../../../../wall/kiosk/reloadRecords.ts';

const NOW = 1_750_000_000_000;

describe('the watchdog reload guard', () => {
  it('allowsTheFirstWatchdogReload', () => {
    expect(watchdogReloadAllowed([], NOW)).toBe(true);
  });

  it('holdsASecondWithinTheGuardWindowWhateverItsReason', () => {
    const history: ReloadRecord[] = [{ reason: 'heap', at: NOW - WATCHDOG_GUARD_MS + 1 }];
    expect(watchdogReloadAllowed(history, NOW)).toBe(false);
    expect(watchdogReloadAllowed([{ reason: 'stall', at: NOW - 1_000 }], NOW)).toBe(false);
    expect(watchdogReloadAllowed([{ reason: 'context-lost', at: NOW }], NOW)).toBe(false);
  });

  it('allowsItAgainOnceTheWindowHasPassed', () => {
    expect(watchdogReloadAllowed([{ reason: 'heap', at: NOW - WATCHDOG_GUARD_MS }], NOW)).toBe(true);
  });

  it('doesNotCountReloadsForANewBuild', () => {
    expect(watchdogReloadAllowed([{ reason: 'build', at: NOW - 1_000, entry: 'x' }], NOW)).toBe(true);
  });

  it('isNotHeldForLongByARecordFromBeforeTheClockWasSetBack', () => {
    expect(watchdogReloadAllowed([{ reason: 'heap', at: NOW + 3_600_000 }], NOW)).toBe(true);
  });
});

describe('the reload history', () => {
  it('roundTripsThroughJson', () => {
    const history = withRecord([{ reason: 'build', at: 1, entry: 'http://w/a.js' }], { reason: 'stall', at: 2 });
    expect(parseRecords(JSON.stringify(history))).toEqual(history);
  });

  it('keepsOnlyTheLatestRecords', () => {
    let history: ReloadRecord[] = [];
    for (let at = 0; at < RECORDS_KEPT + 5; at++) history = withRecord(history, { reason: 'heap', at });
    expect(history).toHaveLength(RECORDS_KEPT);
    expect(history[0]?.at).toBe(5);
  });

  it('readsAnythingUnreadableAsNoHistory', () => {
    expect(parseRecords(null)).toEqual([]);
    expect(parseRecords('{not json')).toEqual([]);
    expect(parseRecords('{"reason":"heap","at":1}')).toEqual([]);
    expect(parseRecords('[{"reason":"boredom","at":1},{"reason":"heap","at":"x"},{"reason":"heap","at":2}]')).toEqual([{ reason: 'heap', at: 2 }]);
  });
});
