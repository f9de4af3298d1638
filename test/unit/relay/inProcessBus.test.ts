import { describe, expect, it } from 'vitest';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createInProcessBus } from '../../../relay/bus/inProcessBus.ts';
import type { IngestRecord } from '../../../relay/ingest/record.ts';

describe('the embedded bus', () => {
  it('delivers published values on the next turn, batched, with offsets per topic', async () => {
    const bus = createInProcessBus(() => 1_000);
    const batches: IngestRecord[][] = [];
    bus.subscribe(['a', 'b'], (records) => batches.push([...records]));
    bus.publish('a', ['x', 'y']);
    bus.publish('b', ['z']);
    bus.publish('a', ['w']);
    expect(batches).toEqual([]);
    await nextTurn();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((r) => [r.topic, r.offset, r.value, r.timestamp])).toEqual([
      ['a', '0', 'x', 1_000],
      ['a', '1', 'y', 1_000],
      ['b', '0', 'z', 1_000],
      ['a', '2', 'w', 1_000],
    ]);
  });

  it('gives each subscriber only its topics, and nothing after it unsubscribes', async () => {
    const bus = createInProcessBus();
    const seen: string[] = [];
    const unsubscribe = bus.subscribe(['a'], (records) => seen.push(...records.map((r) => String(r.value))));
    bus.publish('b', ['not mine']);
    bus.publish('a', ['mine']);
    await nextTurn();
    unsubscribe();
    bus.publish('a', ['too late']);
    await nextTurn();
    expect(seen).toEqual(['mine']);
  });
});
