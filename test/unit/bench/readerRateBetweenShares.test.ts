// A reader's rate is taken between the moments its running count crossed two shares of the
// total, interpolated between samples, so start-up and the last fetch do not count.
import { describe, expect, it } from 'vitest';
import { cpuBetween, crossingTime, rateBetween } from '../../bench/throughput.ts';

// Start-up takes 2 s, then 100 events per 100 ms (1,000/s), reading 1,000 in all.
const samples = [
  { at: 0, count: 0, cpuSeconds: 0 },
  { at: 2_000, count: 0, cpuSeconds: 0.5 },
  ...Array.from({ length: 10 }, (_, i) => ({ at: 2_100 + i * 100, count: (i + 1) * 100, cpuSeconds: 0.5 + (i + 1) * 0.05 })),
];

describe("a reader's rate between shares of what it read", () => {
  it('interpolates the moment a level is crossed between the samples around it', () => {
    expect(crossingTime(samples, 150)).toBe(2_150);
    expect(crossingTime(samples, 100)).toBe(2_100);
    expect(crossingTime(samples, 1_001)).toBeNull();
  });

  it('leaves start-up out of the rate', () => {
    expect(rateBetween(samples, 1_000, 0.1, 0.9)).toBeCloseTo(1_000, 6);
    // From the first sample on, the 2 s of start-up would have halved it.
    expect(rateBetween(samples, 1_000, 0, 0.9)).toBeLessThan(400);
  });

  it('has no rate when the samples never reach the upper share', () => {
    expect(rateBetween(samples.slice(0, 6), 1_000, 0.1, 0.9)).toBeNull();
    expect(() => rateBetween(samples, 1_000, 0.9, 0.1)).toThrow('fromShare 0.9 must be below toShare 0.1');
  });

  it('tells the CPU per event and how busy the reader kept a core', () => {
    const use = cpuBetween(samples, 1_000, 0.1, 0.9);
    // 0.05 CPU s per 100 events in 100 ms: 500 µs an event, half a core.
    expect(use?.usPerEvent).toBeCloseTo(500, 6);
    expect(use?.share).toBeCloseTo(0.5, 6);
  });
});
