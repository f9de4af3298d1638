import { describe, expect, it } from 'vitest';
import { BUILD_CHECK_MS, HEAP_LIMIT_MB, MIN_BUILD_CHECK_MS, readKioskParams } from '../../../../wall/kiosk/kioskParams.ts';

const MB = 1024 * 1024;

describe('the kiosk settings in the wall URL', () => {
  it('checksEveryThirtySecondsWithAFifteenHundredMegabyteHeapByDefault', () => {
    expect(readKioskParams('?lang=en')).toEqual({ buildCheckMs: BUILD_CHECK_MS, heapLimitBytes: HEAP_LIMIT_MB * MB });
    expect(BUILD_CHECK_MS).toBe(30_000);
  });

  it('readsShorterTimesAndSmallerLimitsForTests', () => {
    expect(readKioskParams('?buildCheckMs=1000&heapLimitMB=1')).toEqual({ buildCheckMs: 1_000, heapLimitBytes: MB });
  });

  it('keepsTheDefaultsForNonsenseAndAFloorOnTheCheckInterval', () => {
    expect(readKioskParams('?buildCheckMs=-5&heapLimitMB=lots')).toEqual(readKioskParams(''));
    expect(readKioskParams('?buildCheckMs=&heapLimitMB=0')).toEqual(readKioskParams(''));
    expect(readKioskParams('?buildCheckMs=1').buildCheckMs).toBe(MIN_BUILD_CHECK_MS);
  });
});
