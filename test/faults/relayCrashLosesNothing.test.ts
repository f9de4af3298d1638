// The relay is killed with SIGKILL in the middle of a 2,000 events/s run and started again on
// the same port. Nothing it held survives, so the new process rebuilds today from Kafka: it must
// end with exactly the events the producer had acknowledged, each record consumed once, and the
// walls that lost it must reconnect by themselves and show those figures.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, inject, it } from 'vitest';
import { topicNames } from '../../relay/contract/index.ts';
import { createTopics } from '../infra/kafkaBroker.ts';
import { freePort } from '../infra/ports.ts';
import { metric, spawnRelay, uniquePrefix, waitFor, type ChildRelay } from '../integration/support/relays.ts';
import { connectWall, type TestWall } from '../integration/support/walls.ts';
import { recordsInSourceTopics } from './support/kafkaCounts.ts';
import { secondsSince, settledState } from './support/settled.ts';
import { SteadyProducer } from './support/steadyProducer.ts';
import { expectedFigures, sum, trafficMaker } from './support/traffic.ts';

const brokers = inject('kafkaBrokers');
const RATE = 2_000;
const RUN_MS = 30_000;
const KILL_AFTER_MS = 12_000;
const TICK_HZ = 4;

const wallTotal = (wall: TestWall) => sum(wall.view?.totals ?? {});
const isReady = async (url: string) => ((await fetch(`${url}/readyz`)).ok ? true : undefined);

describe('a relay killed with SIGKILL in the middle of a 2,000 events/s run', () => {
  it('comes back with every event counted once, and walls reconnect by themselves', async () => {
    const prefix = uniquePrefix('fault-crash');
    const topics = topicNames(prefix);
    await createTopics(brokers, [topics.sensor, topics.camera, topics.alarm110], { partitions: 3 });
    const port = await freePort();
    let relay: ChildRelay = await spawnRelay({ brokers, prefix, tickHz: TICK_HZ, port });
    const walls: TestWall[] = [];
    const producer = SteadyProducer.create(brokers);
    try {
      await waitFor('the relay to be ready', () => isReady(relay.url), 30_000);
      walls.push(await connectWall(relay.url, undefined, { reconnect: true }), await connectWall(relay.url, undefined, { reconnect: true }));

      const run = producer.hold(prefix, RATE, RUN_MS, trafficMaker());
      await sleep(KILL_AFTER_MS);
      const shownBefore = walls.map(wallTotal);
      const snapshotsBefore = walls.map((w) => w.snapshots);
      const killedAt = Date.now();
      await relay.kill('SIGKILL');
      relay = await spawnRelay({ brokers, prefix, tickHz: TICK_HZ, port });
      const { url } = relay;
      const servingS = secondsSince(killedAt);
      await waitFor('the new relay to rebuild', () => isReady(url), 60_000);
      const readyS = secondsSince(killedAt);
      await waitFor('the walls to reconnect', () => (walls.every((w, i) => w.snapshots > snapshotsBefore[i]!) ? true : undefined), 30_000);
      const reconnectedS = secondsSince(killedAt);
      await waitFor('the walls to show new events', () => (walls.every((w, i) => wallTotal(w) > shownBefore[i]!) ? true : undefined), 30_000);
      const updatedS = secondsSince(killedAt);

      const { acked } = await run;
      const expected = expectedFigures(acked);
      const state = await settledState(url, sum(expected.totals));
      const inKafka = await recordsInSourceTopics(brokers, prefix);
      const consumed = await metric(url, 'relay_events_consumed_total');
      const counted = sum(state.totals);
      console.log(
        `FAULTS relay crash: ${acked.length} events acknowledged (${sum(expected.totals)} counting, the rest closes), ` +
          `restarted relay counted ${counted}, lost ${sum(expected.totals) - counted}; ${inKafka} records in Kafka, ${consumed} consumed; ` +
          `SIGKILL → serving ${servingS} s → rebuilt and ready ${readyS} s → walls reconnected ${reconnectedS} s → walls updated ${updatedS} s`,
      );

      expect(state.totals).toEqual(expected.totals);
      expect(state.byKind).toMatchObject(expected.byKind);
      expect(state.open.total).toBe(expected.open);
      expect(consumed).toBe(inKafka);
      expect(await metric(url, 'relay_events_duplicate_total')).toBe(inKafka - acked.length);
      for (const wall of walls) {
        await waitFor('a wall to show the final figures', () => (wallTotal(wall) === counted ? true : undefined), 10_000);
        expect(wall.view?.totals).toEqual(state.totals);
        expect(wall.view?.compounds).toEqual((await settledState(url, counted, 1_000)).compounds);
        expect(wall.disconnects).toBe(1);
        expect(wall.socket.connected).toBe(true);
      }
    } finally {
      for (const wall of walls) wall.close();
      await producer.close();
      await relay.kill('SIGTERM');
    }
  });
});
