// Kafka delivers at least once and producers retry: an event that arrives twice — again on the
// same partition, or on another one under another key — is counted once. The same id with other
// content is not a copy but a conflict: refused with its own reason and dead-lettered, the first
// event standing.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { topicNames } from '../../relay/contract/index.ts';
import type { DeadLetterBody } from '../../relay/ingest/deadLetter.ts';
import { createTopics } from '../infra/kafkaBroker.ts';
import { consumeRecords } from '../infra/kafkaRecords.ts';
import { COMPOUNDS, EventProducer, eventOf, recordOf } from './support/events.ts';
import { metric, startTestRelay, stateAfter, uniquePrefix, waitFor, type TestRelay } from './support/relays.ts';

const brokers = inject('kafkaBrokers');
const prefix = uniquePrefix('dup');
const topics = topicNames(prefix);

describe('an event sent twice', () => {
  let relay: TestRelay;
  let producer: EventProducer;

  beforeAll(async () => {
    await createTopics(brokers, [topics.sensor, topics.camera, topics.alarm110, topics.deadletter], { partitions: 3 });
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
    const state = await stateAfter(relay.url, Date.now());
    expect(state.byKind.burglary).toBe(1);
    expect(state.totals).toEqual({ sensor: 1, camera: 0, alarm110: 1, grid: 0, hotline: 0 });
    expect(state.open.total).toBe(2);
    expect(state.compounds.find((c) => c.id === COMPOUNDS[3])).toMatchObject({ today: 1, open: 1 });
  });

  it('refuses the same id with other content as a conflict, dead-lettered, and keeps the first', async () => {
    const criticalBefore = (await stateAfter(relay.url, Date.now())).open.bySeverity.critical;
    const dispute = eventOf('dispute', { compoundId: COMPOUNDS[5]!, severity: 'info' });
    const rewritten = { ...dispute, severity: 'critical' as const, note: 'escalated under the same id' };
    await producer.send([recordOf(prefix, dispute), recordOf(prefix, rewritten)]);
    const [letter] = await consumeRecords(brokers, [topics.deadletter], 1);
    const body = JSON.parse(String(letter?.value)) as DeadLetterBody;
    expect(body).toMatchObject({ reason: 'id_conflict', topic: topics.alarm110 });
    expect(JSON.parse(String(body.value))).toEqual(rewritten);
    const state = await stateAfter(relay.url, Date.now());
    expect(state.rejected.id_conflict).toBe(1);
    expect(state.byKind.dispute).toBe(1);
    expect(state.open.bySeverity.critical).toBe(criticalBefore);
    expect(await metric(relay.url, 'relay_events_rejected_total', { reason: 'id_conflict' })).toBe(1);
  });
});
