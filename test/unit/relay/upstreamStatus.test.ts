import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpstreamStatus } from '../../../relay/protocol/events.ts';
import { UPSTREAM_SILENCE_MS, startUpstreamWatch, upstreamStatus } from '../../../relay/broadcast/upstreamWatch.ts';
import { setLogLevel } from '../../../relay/log.ts';
import { createRelayMetrics } from '../../../relay/metrics.ts';

const NOW = Date.parse('2024-05-01T12:00:00+08:00');

describe('the upstream status', () => {
  it('is unavailable before the upstream ever answered', () => {
    expect(upstreamStatus(null, NOW)).toEqual({ available: false, lastContact: null });
  });

  it('is available while the last answer is recent, and unavailable after the silence limit', () => {
    expect(upstreamStatus(NOW - UPSTREAM_SILENCE_MS, NOW).available).toBe(true);
    expect(upstreamStatus(NOW - UPSTREAM_SILENCE_MS - 1, NOW)).toEqual({
      available: false,
      lastContact: NOW - UPSTREAM_SILENCE_MS - 1,
    });
  });
});

describe('watching the upstream', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    setLogLevel('silent');
  });
  afterEach(() => vi.useRealTimers());

  it('tells walls each change once, and keeps the gauge current', async () => {
    let clock = NOW;
    let contact: number | null = null;
    const changes: UpstreamStatus[] = [];
    const metrics = createRelayMetrics();
    const gauge = async () => (await metrics.registry.getSingleMetric('relay_upstream_available')!.get()).values[0]?.value;
    const watch = startUpstreamWatch({ lastContact: () => contact, now: () => clock, onChange: (s) => changes.push(s), metrics });
    try {
      expect(await gauge()).toBe(0);
      // Kafka appears and answers every half second for a while.
      for (let i = 0; i < 10; i++) {
        clock += 500;
        contact = clock;
        vi.advanceTimersByTime(500);
      }
      expect(changes).toEqual([{ available: true, lastContact: expect.any(Number) }]);
      expect(await gauge()).toBe(1);
      // Then it falls silent.
      clock += UPSTREAM_SILENCE_MS + 1_000;
      vi.advanceTimersByTime(UPSTREAM_SILENCE_MS + 1_000);
      expect(changes.map((s) => s.available)).toEqual([true, false]);
      expect(changes[1]?.lastContact).toBe(contact);
      expect(await gauge()).toBe(0);
    } finally {
      watch.stop();
    }
  });
});
