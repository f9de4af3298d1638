import { describe, expect, it } from 'vitest';
import { DeltaTiming } from '../../../wall/store/deltaTiming.ts';

describe('main-thread time per delta', () => {
  it('keepsTheLongRunMeanAndMaximumAndTheLatestWindow', () => {
    const timing = new DeltaTiming(4);
    for (const ms of [10, 1, 1, 1, 1, 2]) timing.record(ms);
    const summary = timing.summary();
    expect(summary.count).toBe(6);
    expect(summary.meanMs).toBe(16 / 6);
    expect(summary.maxMs).toBe(10);
    // The window holds the last four: 1, 1, 1, 2.
    expect(summary.windowMeanMs).toBe(1.25);
    expect(summary.windowP95Ms).toBe(2);
  });

  it('chargesWorkThatRanAfterADeltaToThatDelta', () => {
    const timing = new DeltaTiming(2);
    timing.addToLatest(5);
    for (const ms of [1, 2, 3]) timing.record(ms);
    timing.addToLatest(4);
    const summary = timing.summary();
    expect(summary.count).toBe(3);
    expect(summary.meanMs).toBe(10 / 3);
    expect(summary.maxMs).toBe(7);
    // The window holds 2 and 3 + 4.
    expect(summary.windowMeanMs).toBe(4.5);
  });

  it('reportsZerosBeforeTheFirstDelta', () => {
    expect(new DeltaTiming(3).summary()).toEqual({ count: 0, meanMs: 0, maxMs: 0, windowMeanMs: 0, windowP95Ms: 0 });
  });

  it('refusesAWindowThatIsNotAPositiveInteger', () => {
    expect(() => new DeltaTiming(0)).toThrow('delta timing: window must be a positive integer, got 0');
  });
});
