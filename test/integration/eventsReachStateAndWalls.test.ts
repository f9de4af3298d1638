// Events produced to Kafka reach /api/state and every wall's view within a second, with exact
// counts, whichever of the three topics and partitions they travel on; and an idle relay asks
// Kafka about once a tick, not continually.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { topicNames, type Kind } from '../../relay/contract/index.ts';
import { createTopics } from '../infra/kafkaBroker.ts';
import { COMPOUNDS, EventProducer, countByKind, eventOf, recordOf } from './support/events.ts';
import { getJson, getState, metric, startTestRelay, uniquePrefix, waitFor, type TestRelay } from './support/relays.ts';
import { connectWall, type TestWall } from './support/walls.ts';

const brokers = inject('kafkaBrokers');
const prefix = uniquePrefix('reach');
const topics = topicNames(prefix);

describe('events produced to Kafka', () => {
  let relay: TestRelay;
  let producer: EventProducer;
  let walls: TestWall[];

  beforeAll(async () => {
    await createTopics(brokers, [topics.sensor, topics.camera, topics.alarm110], { partitions: 3 });
    producer = await EventProducer.connect(brokers);
    relay = await startTestRelay({ brokers, prefix, tickHz: 10 });
    await relay.relay.caughtUp;
    walls = await Promise.all([connectWall(relay.url), connectWall(relay.url)]);
  });

  afterAll(async () => {
    for (const wall of walls ?? []) wall.close();
    await relay?.relay.close();
    await producer?.close();
  });

  it('reports ready once caught up, and starts from zero on empty topics', async () => {
    expect((await fetch(`${relay.url}/readyz`)).status).toBe(200);
    const state = await getState(relay.url);
    expect(state.totals).toEqual({ sensor: 0, camera: 0, alarm110: 0, grid: 0, hotline: 0 });
    expect(walls[0]!.view?.totals).toEqual({ sensor: 0, camera: 0, alarm110: 0, grid: 0, hotline: 0 });
  });

  it('shows up in /api/state and in every wall within 1 s, counted exactly', async () => {
    const kinds: [Kind, number][] = [['smoke', 7], ['face_access', 25], ['burglary', 3], ['vehicle_pass', 11], ['door_open', 4]];
    const events = kinds.flatMap(([kind, count]) =>
      Array.from({ length: count }, (_, i) => eventOf(kind, { compoundId: COMPOUNDS[i % 5]! })),
    );
    const expected = countByKind(events);
    const matches = (byKind: Record<Kind, number> | undefined) =>
      byKind !== undefined && kinds.every(([kind]) => byKind[kind] === expected[kind]);

    const sentAt = Date.now();
    await producer.send(events.map((event) => recordOf(prefix, event)));
    const inState = await waitFor('the counts in /api/state', async () => {
      const state = await getState(relay.url);
      return matches(state.byKind) ? Date.now() : undefined;
    });
    const onWalls = await waitFor('the counts on both walls', () =>
      walls.every((wall) => matches(wall.view?.byKind)) ? Date.now() : undefined,
    );
    expect(inState - sentAt).toBeLessThan(1_000);
    expect(onWalls - sentAt).toBeLessThan(1_000);

    const state = await getState(relay.url);
    expect(state.totals).toEqual({ sensor: 11, camera: 36, alarm110: 3, grid: 0, hotline: 0 });
    expect(state.open.total).toBe(7 + 3 + 4);
    const first = state.compounds.find((c) => c.id === COMPOUNDS[0]);
    expect(first).toMatchObject({ today: 2 + 5 + 1 + 3 + 1, level: 2 });
    for (const wall of walls) {
      expect(wall.view?.totals).toEqual(state.totals);
      expect(wall.view?.compounds).toEqual(state.compounds);
    }
  });

  it('closes an incident when its closed follow-up arrives', async () => {
    const opened = eventOf('gas_leak', { compoundId: COMPOUNDS[40]! });
    await producer.send([recordOf(prefix, opened)]);
    await waitFor('the open gas leak', async () => ((await getState(relay.url)).byKind.gas_leak === 1 ? true : undefined));
    const openBefore = (await getState(relay.url)).open.total;
    await producer.send([recordOf(prefix, eventOf('gas_leak', { compoundId: COMPOUNDS[40]!, status: 'closed', ref: opened.id }))]);
    const state = await waitFor('the close', async () => {
      const s = await getState(relay.url);
      return s.open.total === openBefore - 1 ? s : undefined;
    });
    expect(state.byKind.gas_leak).toBe(1);
    expect(state.compounds.find((c) => c.id === COMPOUNDS[40])).toMatchObject({ open: 0, level: 0 });
    await waitFor('the close on the walls', () => (walls.every((w) => w.view?.open.total === state.open.total) ? true : undefined));
  });

  it('counts what it consumed per source in /metrics, and answers the probes', async () => {
    expect(await metric(relay.url, 'relay_events_consumed_total', { source: 'camera' })).toBe(36);
    expect(await metric(relay.url, 'relay_walls_connected')).toBe(2);
    expect(await metric(relay.url, 'relay_ready')).toBe(1);
    expect(await metric(relay.url, 'relay_event_to_emit_seconds_count')).toBeGreaterThan(0);
    expect(await getJson(`${relay.url}/healthz`)).toEqual({ status: 'ok' });
  });

  it('fetches from Kafka about once a tick while nothing comes', async () => {
    // 10 Hz here: each fetch is held until just before the next tick (fetchWait.ts). With a
    // fixed 25 ms wait this relay made about 40 fetches a second.
    const before = await metric(relay.url, 'relay_kafka_fetches_total');
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const fetches = (await metric(relay.url, 'relay_kafka_fetches_total')) - before;
    const ticks = ((Date.now() - started) / 1000) * 10;
    expect(fetches).toBeGreaterThan(ticks * 0.5);
    expect(fetches).toBeLessThan(ticks * 1.5);
  });
});
