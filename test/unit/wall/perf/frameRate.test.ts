import { describe, expect, it } from 'vitest';
import { FrameRate } from '../../../../wall/perf/frameRate.ts';

function framesEvery(rate: FrameRate, from: number, to: number, stepMs: number) {
  for (let at = from; at <= to; at += stepMs) rate.frame(at);
}

describe('the frame rate over the last seconds', () => {
  it('isSixtyForFramesEverySixteenAndAThirdMilliseconds', () => {
    const rate = new FrameRate(3_000, 0);
    framesEvery(rate, 0, 10_000, 1_000 / 60);
    expect(rate.fps(10_000)).toBeCloseTo(60, 0);
  });

  it('followsASlowdownWithinTheWindow', () => {
    const rate = new FrameRate(3_000, 0);
    framesEvery(rate, 0, 10_000, 1_000 / 60);
    framesEvery(rate, 10_500, 20_000, 500);
    expect(rate.fps(20_000)).toBeCloseTo(2, 1);
  });

  it('fallsToZeroWhenNoFrameComes', () => {
    const rate = new FrameRate(3_000, 0);
    framesEvery(rate, 0, 5_000, 20);
    expect(rate.fps(5_000)).toBeGreaterThan(45);
    expect(rate.fps(8_001)).toBe(0);
  });

  it('countsOverTheTimeSinceTheStartWhileThatIsShorterThanTheWindow', () => {
    const rate = new FrameRate(3_000, 1_000);
    framesEvery(rate, 1_010, 1_500, 10);
    expect(rate.fps(1_500)).toBeCloseTo(100, 0);
    expect(new FrameRate(3_000, 1_000).fps(1_000)).toBe(0);
  });

  it('keepsItsMemoryFixedAtAnyFrameRate', () => {
    const rate = new FrameRate(3_000, 0);
    // 1,000 frames a second overflow the ring: the rate is still right over what it holds.
    framesEvery(rate, 0, 60_000, 1);
    expect(rate.fps(60_000)).toBeGreaterThan(0);
    expect(rate.fps(60_000)).toBeLessThanOrEqual(1_000);
  });
});
