// One record batch the relay cannot read must not take the wall down. A relay without the lz4
// codec (kafkajs's own "LZ4 compression not implemented", as any consumer lacking it) reads a
// partition where the Java client wrote an lz4 batch between valid uncompressed events: it
// dead-letters the batch with its offsets and the reason, counts it, logs it once, shows the
// skipped records against their source, and counts every valid event exactly — live, and again
// after a SIGKILL and a restart over the same batch, which must become ready. A relay with every
// codec counts the batch's events too: they were valid, only unreadable to the other.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { topicNames, type Kind } from '../../relay/contract/index.ts';
import type { DeadLetterBody } from '../../relay/ingest/deadLetter.ts';
import type { Snapshot } from '../../relay/state/index.ts';
import { createTopics } from '../infra/kafkaBroker.ts';
import { runJavaProducer, type ProducerCommand } from '../infra/javaProducer.ts';
import { consumeRecords } from '../infra/kafkaRecords.ts';
import { COMPOUNDS, EventProducer, eventOf, recordOf } from '../integration/support/events.ts';
import { getState, metric, spawnRelay, startTestRelay, uniquePrefix, waitFor, type ChildRelay } from '../integration/support/relays.ts';
import { secondsSince } from './support/settled.ts';

const brokers = inject('kafkaBrokers');
const prefix = uniquePrefix('fault-poison');
const topics = topicNames(prefix);
const KEY = COMPOUNDS[9]!;
const VALID_BEFORE = 30;
const UNREADABLE = 25;
const VALID_AFTER = 30;
const withoutLz4 = { brokers, prefix, entry: 'test/faults/support/relayWithoutCodec.ts', env: { LEFT_OUT_CODEC: 'lz4' }, logLevel: 'warn' };

const isReady = async (url: string) => ((await fetch(`${url}/readyz`)).ok ? true : undefined);
const valid = (count: number, kind: Kind) => Array.from({ length: count }, () => recordOf(prefix, eventOf(kind, { compoundId: KEY })));

/** The state once it shows `total` sensor events and `skipped` skipped sensor records. */
const shows = (url: string, total: number, skipped: number) => async (): Promise<Snapshot | undefined> => {
  const state = await getState(url);
  return state.totals.sensor === total && state.skipped.sensor === skipped ? state : undefined;
};

describe('a record batch the relay cannot decode', () => {
  const relays: ChildRelay[] = [];
  let producer: EventProducer | null = null;
  afterAll(async () => {
    for (const relay of relays) await relay.kill('SIGKILL');
    await producer?.close();
  });

  it('is dead-lettered and skipped, live and after a restart, and every valid event counts once', async () => {
    await createTopics(brokers, [topics.sensor, topics.camera, topics.alarm110, topics.deadletter], { partitions: 2 });
    const first = await spawnRelay(withoutLz4);
    relays.push(first);
    await waitFor('the relay to be ready', () => isReady(first.url), 30_000);

    producer = await EventProducer.connect(brokers);
    await producer.send(valid(VALID_BEFORE, 'door_open'));
    // The same key: one partition, the lz4 batch between the valid events.
    const script: ProducerCommand[] = [{ producer: 'lz4', settings: { 'compression.type': 'lz4' } }];
    for (const record of valid(UNREADABLE, 'smoke')) script.push({ send: { topic: record.topic, key: KEY, value: String(record.value) } });
    await runJavaProducer(brokers, script);
    const poisonedAt = Date.now();
    await producer.send(valid(VALID_AFTER, 'door_open'));
    const live = await waitFor('the events after the batch', shows(first.url, VALID_BEFORE + VALID_AFTER, UNREADABLE), 30_000);
    const movedPastMs = Date.now() - poisonedAt;

    expect(live.byKind).toMatchObject({ door_open: VALID_BEFORE + VALID_AFTER, smoke: 0 });
    const batches = await metric(first.url, 'relay_batches_skipped_total', { reason: 'unsupported_codec' });
    expect(batches).toBeGreaterThanOrEqual(1);
    expect(await metric(first.url, 'relay_batches_skipped_total')).toBe(batches);
    expect(await metric(first.url, 'relay_events_consumed_total')).toBe(VALID_BEFORE + VALID_AFTER);
    const logged = first.logs().filter((line) => line.msg?.startsWith('skipped a record batch'));
    expect(logged).toHaveLength(batches);
    expect(first.logs().filter((line) => /crash/i.test(line.msg ?? ''))).toEqual([]);

    const letters = (await consumeRecords(brokers, [topics.deadletter], batches)).map((record) => ({
      key: record.key,
      body: JSON.parse(String(record.value)) as DeadLetterBody,
    }));
    expect(letters.reduce((sum, letter) => sum + (letter.body.records ?? 0), 0)).toBe(UNREADABLE);
    for (const { key, body } of letters) {
      expect(body).toMatchObject({ reason: 'unsupported_codec', topic: topics.sensor, value: null });
      expect(key).toBe(`${topics.sensor}:${body.partition}:${body.offset}-${body.lastOffset}`);
      expect(body.detail).toContain('LZ4 compression not implemented');
    }

    await first.kill('SIGKILL');
    const restartedAt = Date.now();
    const second = await spawnRelay(withoutLz4);
    relays.push(second);
    await waitFor('the restarted relay to be ready', () => isReady(second.url), 30_000);
    const readyS = secondsSince(restartedAt);
    const rebuilt = await waitFor('the rebuilt figures', shows(second.url, VALID_BEFORE + VALID_AFTER, UNREADABLE), 10_000);
    expect(rebuilt.byKind).toEqual(live.byKind);
    expect(await metric(second.url, 'relay_events_consumed_total')).toBe(VALID_BEFORE + VALID_AFTER);
    expect(await metric(second.url, 'relay_batches_skipped_total', { reason: 'unsupported_codec' })).toBe(batches);

    // With every codec, the same batch is just events.
    const complete = await startTestRelay({ brokers, prefix });
    try {
      await complete.relay.caughtUp;
      const state = await getState(complete.url);
      expect(state.totals.sensor).toBe(VALID_BEFORE + UNREADABLE + VALID_AFTER);
      expect(state.skipped.sensor).toBe(0);
    } finally {
      await complete.relay.close();
    }
    console.log(
      `FAULTS unreadable batch: ${UNREADABLE} lz4 records from the Java client in ${batches} batch(es) between ${VALID_BEFORE}+${VALID_AFTER} valid events; ` +
        `a relay without lz4 moved past it ${movedPastMs} ms after it was written (counted ${live.totals.sensor}, skipped ${live.skipped.sensor}, ` +
        `${letters.length} dead letter(s)); restarted over it: ready in ${readyS} s with the same figures`,
    );
  });
});
