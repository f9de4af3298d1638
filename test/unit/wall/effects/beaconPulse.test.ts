import { describe, expect, it } from 'vitest';
import { PULSE_PERIOD_MS, RING_COUNT, RING_RADIUS, pillarGlow, ringStates } from '../../../../wall/effects/beaconPulse.ts';

describe('the beacon pulse', () => {
  it('grows each ring from the foot outwards while it fades', () => {
    const samples = Array.from({ length: 20 }, (_, i) => ringStates((i * PULSE_PERIOD_MS) / 20)[0]!);
    const growing = samples.slice(0, -1).filter((s, i) => samples[i + 1]!.radius > s.radius);
    // Over one period from its start, the first ring only grows, and fades as it grows.
    expect(growing.length).toBe(samples.length - 1);
    for (const s of samples) {
      expect(s.radius).toBeGreaterThanOrEqual(RING_RADIUS.from);
      expect(s.radius).toBeLessThan(RING_RADIUS.to);
    }
    const byRadius = [...samples].sort((a, b) => a.radius - b.radius);
    expect(byRadius.map((s) => s.opacity)).toEqual([...byRadius.map((s) => s.opacity)].sort((a, b) => b - a));
  });

  it('staggers the rings evenly and repeats every period', () => {
    const rings = ringStates(1_000);
    expect(rings).toHaveLength(RING_COUNT);
    expect(new Set(rings.map((r) => r.radius.toFixed(3))).size).toBe(RING_COUNT);
    expect(ringStates(1_000 + PULSE_PERIOD_MS).map((r) => r.radius)).toEqual(rings.map((r) => expect.closeTo(r.radius, 6)));
  });

  it('keeps the pillar between 70 % and full brightness', () => {
    for (let t = 0; t < PULSE_PERIOD_MS; t += 100) {
      expect(pillarGlow(t)).toBeGreaterThanOrEqual(0.7);
      expect(pillarGlow(t)).toBeLessThanOrEqual(1);
    }
  });
});
