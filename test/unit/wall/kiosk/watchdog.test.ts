import { describe, expect, it } from 'vitest';
import { STALL_MS, watchdogReason, type WatchdogReadings } from '../../../../wall/kiosk/watchdog.ts';

const NOW = 1_750_000_000_000;
const MB = 1024 * 1024;
const HEALTHY: WatchdogReadings = {
  now: NOW,
  visible: true,
  frameAskedAt: NOW - 1_000,
  heapUsedBytes: 200 * MB,
  heapLimitBytes: 1_500 * MB,
  contextLost: false,
};

describe('the watchdog verdict', () => {
  it('findsNothingWrongWithAWallThatDrawsWithinItsHeap', () => {
    expect(watchdogReason(HEALTHY)).toBeNull();
    expect(watchdogReason({ ...HEALTHY, frameAskedAt: null })).toBeNull();
  });

  it('callsAFrameAwaitedForTheStallTimeAStall', () => {
    expect(watchdogReason({ ...HEALTHY, frameAskedAt: NOW - STALL_MS + 1 })).toBeNull();
    expect(watchdogReason({ ...HEALTHY, frameAskedAt: NOW - STALL_MS })).toBe('stall');
  });

  it('doesNotCallAHiddenPageStalled', () => {
    expect(watchdogReason({ ...HEALTHY, visible: false, frameAskedAt: NOW - 10 * STALL_MS })).toBeNull();
  });

  it('reloadsPastTheHeapLimitWhereTheBrowserTellsTheHeap', () => {
    expect(watchdogReason({ ...HEALTHY, heapUsedBytes: 1_500 * MB })).toBeNull();
    expect(watchdogReason({ ...HEALTHY, heapUsedBytes: 1_500 * MB + 1 })).toBe('heap');
    expect(watchdogReason({ ...HEALTHY, heapUsedBytes: null })).toBeNull();
  });

  it('putsALostContextFirst', () => {
    expect(watchdogReason({ ...HEALTHY, contextLost: true, heapUsedBytes: 2_000 * MB, frameAskedAt: NOW - STALL_MS })).toBe('context-lost');
    expect(watchdogReason({ ...HEALTHY, heapUsedBytes: 2_000 * MB, frameAskedAt: NOW - STALL_MS })).toBe('stall');
  });
});
