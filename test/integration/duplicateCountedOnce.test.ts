// Kafka delivers at least once and producers retry: an event that arrives twice — again on the
// same partition, or on another one under another key — is counted once.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { topicNames } from '../../relay/contract/index.ts';
import { createTopics } from '../infra/kafkaBroker.ts';
import { COMPOUNDS, EventProducer, eventOf, recordOf } from './support/events.ts';
import { getState, metric, startTestRelay, uniquePrefix, waitFor, type TestRelay } from './support/relays.ts';

const brokers = inject('kafkaBrokers');
const prefix = uniquePrefix('dup');
const topics = topicNames(prefix);

describe('an event sent twice', () => {
  let relay: TestRelay;
  let producer: EventProducer;

  beforeAll(async () => {
    await createTopics(brokers, [topics.sensor, topics.camera, topics.alarm110], { partitions: 3 });
    producer = await EventProducer.connect(brokers);
    relay = await startTestRelay({ brokers, prefix });
    await relay.relay.caughtUp;
  });

  afterAll(async () => {
    await relay?.relay.close();
    await producer?.close();
  });

  it('is counted once, whether the copy comes at once, later, or under another key', async () => {
    const burglary = eventOf('burglary', { compoundId: COMPOUNDS[3]! });
    const smoke = eventOf('smoke', { compoundId: COMPOUNDS[4]! });
    const copy = recordOf(prefix, burglary);
    await producer.send([copy, copy, recordOf(prefix, smoke)]);
    await producer.send([{ ...copy, key: COMPOUNDS[70]! }, { ...copy, key: null }]);
    await producer.send([copy]);

    // Five copies: once four are known as duplicates, every copy has been through the relay.
    await waitFor('every copy', async () => ((await metric(relay.url, 'relay_events_duplicate_total')) === 4 ? true : undefined));
    const state = await getState(relay.url);
    expect(state.byKind.burglary).toBe(1);
    expect(state.totals).toEqual({ sensor: 1, camera: 0, alarm110: 1 });
    expect(state.open.total).toBe(2);
    expect(state.compounds.find((c) => c.id === COMPOUNDS[3])).toMatchObject({ today: 1, open: 1 });
  });
});
