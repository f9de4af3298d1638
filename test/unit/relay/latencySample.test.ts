import { describe, expect, it } from 'vitest';
import { createLatencySample } from '../../../relay/broadcast/latencySample.ts';

function drained(sample: ReturnType<typeof createLatencySample>): number[] {
  const seen: number[] = [];
  sample.drain((timestamp) => seen.push(timestamp));
  return seen;
}

describe('the event-to-emit latency sample', () => {
  it('keeps every timestamp while under capacity, and empties on drain', () => {
    const sample = createLatencySample(4);
    [10, 20, 30].forEach((t) => sample.add(t));
    expect(drained(sample)).toEqual([10, 20, 30]);
    expect(drained(sample)).toEqual([]);
  });

  it('keeps at most its capacity whatever the rate', () => {
    const sample = createLatencySample(100);
    for (let i = 0; i < 100_000; i++) sample.add(i);
    expect(drained(sample)).toHaveLength(100);
  });

  it('samples fairly: late events are as likely to be kept as early ones', () => {
    const sample = createLatencySample(1_000);
    for (let i = 0; i < 100_000; i++) sample.add(i);
    const kept = drained(sample);
    const late = kept.filter((t) => t >= 50_000).length;
    expect(late).toBeGreaterThan(400);
    expect(late).toBeLessThan(600);
  });
});
