import { describe, expect, it } from 'vitest';
import { LagWindow } from '../../../../wall/perf/lagWindow.ts';

describe('event-to-screen lag over the last minute', () => {
  it('givesTheMedianAndNinetyFifthPercentile', () => {
    const lag = new LagWindow(60_000);
    for (let i = 1; i <= 100; i++) lag.record(10_000 + i, 10_000 + i - i * 10);
    expect(lag.summary(10_200)).toEqual({ count: 100, p50Ms: 500, p95Ms: 950 });
  });

  it('forgetsWhatWasShownMoreThanTheWindowAgo', () => {
    const lag = new LagWindow(60_000);
    lag.record(1_000, 0); // 1 s late, long ago
    lag.record(70_000, 69_800);
    lag.record(71_000, 70_900);
    expect(lag.summary(75_000)).toEqual({ count: 2, p50Ms: 100, p95Ms: 200 });
    expect(lag.summary(200_000)).toEqual({ count: 0, p50Ms: null, p95Ms: null });
  });

  it('showsAClockAheadOfTheWallAsNegativeLag', () => {
    const lag = new LagWindow(60_000);
    lag.record(5_000, 5_300);
    expect(lag.summary(5_000).p50Ms).toBe(-300);
  });

  it('keepsItsMemoryFixedAtAnyRate', () => {
    const lag = new LagWindow(60_000);
    // 50,000 items in one minute: the summary covers the latest ones it holds, not the first.
    for (let i = 0; i < 50_000; i++) lag.record(i, i - (i < 10_000 ? 5_000 : 100));
    const summary = lag.summary(50_000);
    expect(summary.count).toBeLessThan(50_000);
    expect(summary.p95Ms).toBe(100);
  });
});
