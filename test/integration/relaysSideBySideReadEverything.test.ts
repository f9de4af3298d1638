// Several relays behind a load balancer, on one Kafka cluster: each reads every partition of
// every topic (no consumer group is shared), so any of them shows the whole sub-district.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { topicNames, type Kind } from '../../relay/contract/index.ts';
import { createTopics } from '../infra/kafkaBroker.ts';
import { COMPOUNDS, EventProducer, eventOf, recordOf } from './support/events.ts';
import { getState, startTestRelay, uniquePrefix, waitFor, type TestRelay } from './support/relays.ts';

const brokers = inject('kafkaBrokers');
const prefix = uniquePrefix('sidebyside');
const topics = topicNames(prefix);

describe('relays side by side', () => {
  const relays: TestRelay[] = [];
  let producer: EventProducer;

  beforeAll(async () => {
    await createTopics(brokers, [topics.sensor, topics.camera, topics.alarm110], { partitions: 4 });
    producer = await EventProducer.connect(brokers);
    await producer.send(COMPOUNDS.map((compoundId) => recordOf(prefix, eventOf('door_open', { compoundId }))));
    relays.push(await startTestRelay({ brokers, prefix }), await startTestRelay({ brokers, prefix }));
  });

  afterAll(async () => {
    for (const { relay } of relays) await relay.close();
    await producer?.close();
  });

  it('each read every partition, before and after they started', async () => {
    const kinds: Kind[] = ['person_pass', 'pickpocket', 'ebike_charging'];
    await producer.send(COMPOUNDS.flatMap((compoundId) => kinds.map((kind) => recordOf(prefix, eventOf(kind, { compoundId })))));
    for (const { url } of relays) {
      const state = await waitFor('every event on each relay', async () => {
        const s = await getState(url);
        return s.byKind.ebike_charging === 80 && s.byKind.person_pass === 80 && s.byKind.pickpocket === 80 ? s : undefined;
      });
      expect(state.byKind.door_open).toBe(80);
      expect(state.compounds.every((c) => c.today === 4)).toBe(true);
    }
  });
});
