// Each Kafka fetch is held until just before a broadcast tick: its events still make that tick
// (which waits for them), and the relay fetches about once a tick instead of forty times a second.
import { describe, expect, it } from 'vitest';
import { LEAD_MS, MAX_WAIT_MS, MIN_WAIT_MS, fetchAim } from '../../../relay/ingest/fetchWait.ts';

const PERIOD = 250;

describe('the aim of a fetch', () => {
  it('ends the lead before the next tick', () => {
    expect(fetchAim(250, PERIOD)).toEqual({ waitMs: 250 - LEAD_MS, ticksAhead: 0 });
    expect(fetchAim(100, PERIOD)).toEqual({ waitMs: 100 - LEAD_MS, ticksAhead: 0 });
  });

  it('aims at the tick after when the next one is too close', () => {
    expect(fetchAim(LEAD_MS + MIN_WAIT_MS - 1, PERIOD)).toEqual({ waitMs: PERIOD + MIN_WAIT_MS - 1, ticksAhead: 1 });
    expect(fetchAim(LEAD_MS, PERIOD)).toEqual({ waitMs: PERIOD, ticksAhead: 1 });
  });

  it('waits at least the minimum and at most about a period, even while ticks run late', () => {
    for (const toTick of [-10_000, -PERIOD, -1, 0, 3, 24.6, 125, PERIOD, 10_000]) {
      const { waitMs, ticksAhead } = fetchAim(toTick, PERIOD);
      expect(waitMs, `${toTick} ms to the tick`).toBeGreaterThanOrEqual(MIN_WAIT_MS);
      expect(waitMs, `${toTick} ms to the tick`).toBeLessThanOrEqual(PERIOD + MIN_WAIT_MS);
      expect(Number.isInteger(waitMs) && Number.isInteger(ticksAhead) && ticksAhead! >= 0).toBe(true);
    }
  });

  it('is answered at least every second when ticks are slower (TICK_HZ 0.1: one every 10 s)', () => {
    expect(fetchAim(9_000, 10_000)).toEqual({ waitMs: MAX_WAIT_MS, ticksAhead: null });
    expect(fetchAim(800, 10_000)).toEqual({ waitMs: 800 - LEAD_MS, ticksAhead: 0 });
    expect(fetchAim(2, 10_000)).toEqual({ waitMs: MAX_WAIT_MS, ticksAhead: null });
  });
});
