// The run loop: batches to the target, paces by the timeline, re-stamps events for live
// targets, and counts what it sent.
import { describe, expect, it } from 'vitest';
import type { ProducerEvent } from '../../../relay/contract/index.ts';
import { runSimulation } from '../../../simulator/run.ts';
import type { Target } from '../../../simulator/targets/target.ts';

const HOUR = 3_600_000;
const HISTORICAL = Date.UTC(2019, 3, 23, 1);
const WALL = Date.UTC(2024, 4, 1, 4);

function hourly(count: number): ProducerEvent[] {
  return Array.from({ length: count }, (_, i) => ({ id: `e${i}`, ts: HISTORICAL + i * HOUR, kind: 'door_open', compoundId: 'SQ-C01' }));
}

function recordingTarget(timestamps: Target['timestamps']) {
  const batches: ProducerEvent[][] = [];
  let closed = false;
  const target: Target = {
    name: 'memory',
    timestamps,
    send: async (events) => void batches.push([...events]),
    close: async () => void (closed = true),
  };
  return { target, batches, isClosed: () => closed };
}

/** A clock that only moves when the loop sleeps. */
function fakeClock() {
  let now = WALL;
  const sleeps: number[] = [];
  return { now: () => now, sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)), sleeps };
}

describe('run loop', () => {
  it('sends everything in batches at max speed, keeping historical timestamps, and closes the target', async () => {
    const { target, batches, isClosed } = recordingTarget('historical');
    const clock = fakeClock();
    const result = await runSimulation({ events: hourly(4500), target, speed: 'max', ...clock });
    expect(batches.map((b) => b.length)).toEqual([2000, 2000, 500]);
    expect(batches.flat()).toEqual(hourly(4500));
    expect(clock.sleeps).toEqual([]);
    expect(isClosed()).toBe(true);
    expect(result.truth.bySource.sensor.events).toBe(4500);
    expect(result.timestamps).toBe('historical');
  });

  it('paces a file run by the speed-up without changing the timestamps', async () => {
    const { target, batches } = recordingTarget('historical');
    const clock = fakeClock();
    await runSimulation({ events: hourly(3), target, speed: 60, ...clock });
    expect(clock.sleeps).toEqual([60_000, 60_000]);
    expect(batches.flat().map((e) => e.ts)).toEqual(hourly(3).map((e) => e.ts));
  });

  it('shifts a live run to start now and compresses it by the speed', async () => {
    const { target, batches } = recordingTarget('live');
    const clock = fakeClock();
    const result = await runSimulation({ events: hourly(3), target, speed: 3600, ...clock });
    expect(batches.flat().map((e) => e.ts)).toEqual([WALL, WALL + 1000, WALL + 2000]);
    expect(result.truth.last).toEqual({ id: 'e2', ts: WALL + 2000 });
    expect(result.timestamps).toBe('live');
  });

  it('stamps live events with the send time at max speed', async () => {
    const { target, batches } = recordingTarget('live');
    const clock = fakeClock();
    await runSimulation({ events: hourly(2), target, speed: 'max', ...clock });
    expect(batches.flat().map((e) => e.ts)).toEqual([WALL, WALL]);
  });

  it('reports each batch as it is handed to the target, with the time', async () => {
    const { target, batches } = recordingTarget('live');
    const clock = fakeClock();
    const handed: [number, number][] = [];
    await runSimulation({ events: hourly(3), target, speed: 3600, ...clock, onSent: (events, at) => void handed.push([events.length, at]) });
    expect(handed).toEqual([[1, WALL], [1, WALL + 1000], [1, WALL + 2000]]);
    expect(batches).toHaveLength(3);
  });

  it('takes events from an async source too', async () => {
    const { target, batches } = recordingTarget('historical');
    async function* source() {
      yield* hourly(3);
    }
    await runSimulation({ events: source(), target, speed: 'max', ...fakeClock() });
    expect(batches.flat()).toHaveLength(3);
  });
});
