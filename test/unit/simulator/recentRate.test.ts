// The progress bar's current rate: events per second over about the last second, so a stall
// shows at once instead of being averaged over the whole run.
import { describe, expect, it } from 'vitest';
import { RecentRate } from '../../../simulator/measure/recentRate.ts';

describe('current rate', () => {
  it('is the rate over the last second, not since the start', () => {
    const rate = new RecentRate();
    expect(rate.update(0, 0)).toBe(0);
    for (let t = 100; t <= 3_000; t += 100) rate.update(t < 2_000 ? t * 10 : 20_000, t);
    // 10,000/s for two seconds, then nothing for a second.
    expect(rate.update(20_000, 3_100)).toBe(0);
    expect(new RecentRate().update(5, 0)).toBe(0);
  });

  it('measures a steady rate', () => {
    const rate = new RecentRate();
    let last = 0;
    for (let t = 0; t <= 5_000; t += 50) last = rate.update(t * 2, t);
    expect(last).toBe(2_000);
  });
});
