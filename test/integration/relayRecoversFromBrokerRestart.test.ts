// A broker restart (an upgrade, a crash) must not cost the relay events or make it read any
// twice: its consumer rejoins and carries on from where this relay was, not from the start of
// the topics, so the consumed count stays exact.
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { topicNames } from '../../relay/contract/index.ts';
import { createTopics, startBroker } from '../infra/kafkaBroker.ts';
import { freePort } from '../infra/ports.ts';
import { COMPOUNDS, EventProducer, eventOf, recordOf } from './support/events.ts';
import { getState, metric, startTestRelay, uniquePrefix, waitFor } from './support/relays.ts';

const prefix = uniquePrefix('brokerrestart');
const topics = topicNames(prefix);

async function produce(brokers: string, count: number): Promise<void> {
  const producer = await EventProducer.connect(brokers);
  try {
    await producer.send(Array.from({ length: count }, (_, i) => recordOf(prefix, eventOf('vehicle_pass', { compoundId: COMPOUNDS[i % 80]! }))));
  } finally {
    await producer.close();
  }
}

// Starts a broker of its own (Java needed), so it does not run against an external cluster.
describe.skipIf(Boolean(process.env.KAFKA_BROKERS))('a relay whose broker restarts', () => {
  it('carries on from where it was, missing nothing and reading nothing twice', async () => {
    const broker = await startBroker({ port: await freePort() });
    let restarted: Awaited<ReturnType<typeof broker.restart>> | null = null;
    const { brokers } = broker;
    const { url, relay } = await startTestRelay({ brokers, prefix });
    try {
      await createTopics(brokers, [topics.camera], { partitions: 2 });
      await produce(brokers, 300);
      await waitFor('the first events', async () => ((await getState(url)).byKind.vehicle_pass === 300 ? true : undefined));

      restarted = await broker.restart();
      await produce(brokers, 200);
      await waitFor('the events after the restart', async () => ((await getState(url)).byKind.vehicle_pass === 500 ? true : undefined), 60_000);

      expect(await metric(url, 'relay_events_consumed_total', { source: 'camera' })).toBe(500);
      expect(await metric(url, 'relay_events_duplicate_total')).toBe(0);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
    } finally {
      await relay.close();
      await (restarted ?? broker).stop();
      await rm(broker.dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
