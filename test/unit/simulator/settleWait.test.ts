// After the run, the relay is polled until its counts match what was sent, or stop changing
// for a while, or a time limit passes; the outcome says which.
import { describe, expect, it } from 'vitest';
import { KINDS, perSource, type Kind } from '../../../relay/contract/index.ts';
import type { Counted } from '../../../simulator/measure/relayCounts.ts';
import { settle } from '../../../simulator/measure/settle.ts';

const counted = (smoke: number): Counted => ({
  totals: { ...perSource(() => 0), sensor: smoke },
  byKind: Object.fromEntries(KINDS.map((kind) => [kind, kind === 'smoke' ? smoke : 0])) as Record<Kind, number>,
});

/** Reads `values` one per poll (the last one repeats) on a clock that moves only when waiting. */
function relayThatShows(values: number[]) {
  let now = 0;
  let reads = 0;
  return {
    read: async () => counted(values[Math.min(reads++, values.length - 1)] ?? 0),
    now: () => now,
    sleep: async (ms: number) => void (now += ms),
  };
}

const limits = { stableMs: 1_000, maxMs: 5_000, pollMs: 250 };

describe('settling', () => {
  it('stops as soon as the counts match', async () => {
    const result = await settle({ ...relayThatShows([1, 5, 9, 10]), ...limits, matches: (c) => c.totals.sensor === 10 });
    expect(result).toMatchObject({ outcome: 'matched', waitedMs: 750 });
    expect(result.counted?.totals.sensor).toBe(10);
  });

  it('stops when the counts have not changed for the stable time', async () => {
    const result = await settle({ ...relayThatShows([1, 8]), ...limits, matches: () => false });
    expect(result).toMatchObject({ outcome: 'stable', waitedMs: 1_250 });
  });

  it('gives up at the time limit while the counts still move', async () => {
    const rising = Array.from({ length: 100 }, (_, i) => i);
    const result = await settle({ ...relayThatShows(rising), ...limits, matches: () => false });
    expect(result).toMatchObject({ outcome: 'timeout', waitedMs: 5_000 });
  });
});
