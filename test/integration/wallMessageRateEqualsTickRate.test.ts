// A wall's cost must not grow with the event rate: it receives one message per tick whether one
// event or five thousand events a second flow, and the relay keeps up with the five thousand.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { topicNames, type Kind } from '../../relay/contract/index.ts';
import { createTopics } from '../infra/kafkaBroker.ts';
import { COMPOUNDS, EventProducer, eventOf } from './support/events.ts';
import { getState, metric, spawnRelay, uniquePrefix, waitFor, type ChildRelay } from './support/relays.ts';
import { connectWall, type TestWall } from './support/walls.ts';

const brokers = inject('kafkaBrokers');
const prefix = uniquePrefix('rate');
const topics = topicNames(prefix);
const TICK_HZ = 5;
const KINDS: Kind[] = ['face_access', 'vehicle_pass', 'person_pass', 'door_open', 'theft'];
const make = (n: number) => eventOf(KINDS[n % KINDS.length]!, { compoundId: COMPOUNDS[n % COMPOUNDS.length]! });

describe('messages a wall receives', () => {
  let relay: ChildRelay;
  let producer: EventProducer;
  let wall: TestWall;
  let sent = 0;

  /** Holds a rate for `seconds` and returns the wall's messages/s over the middle of it. */
  async function wallRateWhile(perSecond: number, seconds: number): Promise<number> {
    const started = Date.now();
    sent += await producer.hold(prefix, perSecond, seconds * 1000, (n) => make(sent + n));
    // Counted by the relay's send time (this process is busy producing), leaving out the first
    // and last second: the rate is steady in between.
    return wall.deltasSentBetween(started + 1000, started + (seconds - 1) * 1000) / (seconds - 2);
  }

  beforeAll(async () => {
    await createTopics(brokers, [topics.sensor, topics.camera, topics.alarm110], { partitions: 3 });
    producer = await EventProducer.connect(brokers);
    relay = await spawnRelay({ brokers, prefix, tickHz: TICK_HZ });
    await waitFor('the relay to be ready', async () => ((await fetch(`${relay.url}/readyz`)).ok ? true : undefined));
    wall = await connectWall(relay.url);
  });

  afterAll(async () => {
    wall?.close();
    await relay?.kill('SIGTERM');
    await producer?.close();
  });

  it('equals the tick rate at 1 event/s and at 5,000 events/s', async () => {
    const slow = await wallRateWhile(1, 6);
    const fast = await wallRateWhile(5_000, 8);
    const rss = await metric(relay.url, 'relay_process_resident_memory_bytes');
    const heap = await metric(relay.url, 'relay_nodejs_heap_size_used_bytes');

    const state = await waitFor('the relay to count every event', async () => {
      const s = await getState(relay.url);
      return s.totals.sensor + s.totals.camera + s.totals.alarm110 === sent ? s : undefined;
    });
    const latencySum = await metric(relay.url, 'relay_event_to_emit_seconds_sum');
    const latencyCount = await metric(relay.url, 'relay_event_to_emit_seconds_count');
    console.log(
      `wall messages/s at 1 event/s: ${slow.toFixed(2)}, at 5,000 events/s: ${fast.toFixed(2)} (tick ${TICK_HZ} Hz); ` +
        `relay at 5,000 events/s: RSS ${(rss / 2 ** 20).toFixed(0)} MiB, heap used ${(heap / 2 ** 20).toFixed(0)} MiB; ` +
        `mean event-to-emit ${((latencySum / latencyCount) * 1000).toFixed(0)} ms`,
    );
    expect(slow).toBeGreaterThanOrEqual(TICK_HZ * 0.9);
    expect(slow).toBeLessThanOrEqual(TICK_HZ * 1.1);
    expect(fast).toBeGreaterThanOrEqual(TICK_HZ * 0.9);
    expect(fast).toBeLessThanOrEqual(TICK_HZ * 1.1);
    expect(wall.gaps).toBe(0);
    // Sources finish at different ticks when the relay lags the producer on a busy machine.
    await waitFor('the wall to show every event', () => (JSON.stringify(wall.view?.totals) === JSON.stringify(state.totals) ? true : undefined));
    expect(wall.view?.totals).toEqual(state.totals);
  });
});
