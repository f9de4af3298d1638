// The integration suite's Kafka is a real broker: what is produced comes back through a
// consumer group, with offsets, partitions and per-key order as Kafka keeps them.
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { parseBrokers } from '../infra/kafkaAdmin.ts';
import { createTopics, startBroker } from '../infra/kafkaBroker.ts';
import { freePort } from '../infra/ports.ts';
import { consumeRecords, produceRecords } from '../infra/kafkaRecords.ts';

const brokers = inject('kafkaBrokers');
const COMPOUNDS = ['SQ-C01', 'SQ-C02', 'SQ-C03', 'SQ-C04', 'SQ-C05'];

function uniqueTopic(name: string): string {
  return `it.${name}.${randomUUID()}`;
}

/** Six numbered events per compound, keyed by compound as the contract asks. */
function keyedRecords(topic: string) {
  return COMPOUNDS.flatMap((compoundId) =>
    [1, 2, 3, 4, 5, 6].map((seq) => ({
      topic,
      key: compoundId,
      value: JSON.stringify({ compoundId, seq, note: '楼洞防盗门未关' }),
    })),
  );
}

describe('the Kafka broker of the integration suite', () => {
  it('gives back every produced message unchanged, UTF-8 included', async () => {
    const topic = uniqueTopic('roundtrip');
    await createTopics(brokers, [topic], { partitions: 3 });
    const sent = keyedRecords(topic);
    await produceRecords(brokers, sent);

    const received = await consumeRecords(brokers, [topic], sent.length);

    const asText = (records: { key?: string | null; value: string | Buffer | null }[]) =>
      records.map((r) => `${r.key} ${String(r.value)}`).sort();
    expect(asText(received)).toEqual(asText(sent));
  });

  it('keeps the order of messages with the same key across partitions', async () => {
    const topic = uniqueTopic('order');
    await createTopics(brokers, [topic], { partitions: 3 });
    await produceRecords(brokers, keyedRecords(topic));

    const received = await consumeRecords(brokers, [topic], COMPOUNDS.length * 6);

    for (const compoundId of COMPOUNDS) {
      const mine = received.filter((r) => r.key === compoundId);
      expect(new Set(mine.map((r) => r.partition)).size).toBe(1);
      expect(mine.map((r) => (JSON.parse(String(r.value)) as { seq: number }).seq)).toEqual([1, 2, 3, 4, 5, 6]);
    }
    expect(new Set(received.map((r) => r.partition)).size).toBeGreaterThan(1);
  });

  it('stores the messages in a log with offsets a consumer can seek by', async () => {
    const topic = uniqueTopic('offsets');
    await createTopics(brokers, [topic], { partitions: 2 });
    await produceRecords(brokers, keyedRecords(topic));

    const kafka = new Kafka({ clientId: 'shiquan-test-offsets', brokers: parseBrokers(brokers), logLevel: logLevel.ERROR });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      const stored = offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
      expect(offsets).toHaveLength(2);
      expect(stored).toBe(COMPOUNDS.length * 6);
    } finally {
      await admin.disconnect();
    }
  });
});

// Starts a broker of its own (Java needed), so it does not run against an external cluster.
describe.skipIf(Boolean(process.env.KAFKA_BROKERS))('a broker restarted on its data dir', () => {
  it('still has its topics and messages, and accepts new ones', async () => {
    const first = await startBroker({ port: await freePort() });
    try {
      const topic = uniqueTopic('restart');
      await createTopics(first.brokers, [topic], { partitions: 2 });
      await produceRecords(first.brokers, [{ topic, key: 'SQ-C01', value: 'before' }]);

      const second = await first.restart();
      try {
        expect(second.pid).not.toBe(first.pid);
        expect(second.brokers).toBe(first.brokers);
        await produceRecords(second.brokers, [{ topic, key: 'SQ-C01', value: 'after' }]);
        const received = await consumeRecords(second.brokers, [topic], 2);
        expect(received.map((r) => String(r.value))).toEqual(['before', 'after']);
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop();
      await rm(first.dataDir, { recursive: true, force: true });
    }
  });
});
