// Producing and reading back raw records, as an upstream system and a test observer would:
// bytes in, bytes out, no contract involved.
import { Kafka, Partitioners, logLevel, type IHeaders } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { parseBrokers } from './kafkaAdmin.ts';

export interface OutgoingRecord {
  topic: string;
  key?: string | null;
  /** null: a tombstone, which upstream systems can send too. */
  value: string | Buffer | null;
  headers?: Record<string, string>;
}

export interface ConsumedRecord {
  topic: string;
  partition: number;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

function headersAsText(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)]));
}

function client(brokers: string, clientId: string): Kafka {
  return new Kafka({ clientId, brokers: parseBrokers(brokers), logLevel: logLevel.ERROR });
}

/** Sends the records and resolves once every one is acknowledged by all in-sync replicas. */
export async function produceRecords(brokers: string, records: OutgoingRecord[]): Promise<void> {
  // The default partitioner hashes keys the way Java clients do, so per-key order holds.
  const producer = client(brokers, 'shiquan-test-producer').producer({
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const topics = [...new Set(records.map((r) => r.topic))];
    await producer.sendBatch({
      acks: -1,
      topicMessages: topics.map((topic) => ({
        topic,
        messages: records
          .filter((r) => r.topic === topic)
          .map(({ key, value, headers }) => ({ key: key ?? null, value, headers })),
      })),
    });
  } finally {
    await producer.disconnect();
  }
}

/**
 * Reads the topics from the beginning, in a consumer group of its own, until `count` records
 * have arrived; fails after `timeoutMs` saying how many did.
 */
export async function consumeRecords(
  brokers: string,
  topics: string[],
  count: number,
  timeoutMs = 30_000,
): Promise<ConsumedRecord[]> {
  const groupId = `shiquan-test-${randomUUID()}`;
  const consumer = client(brokers, 'shiquan-test-consumer').consumer({ groupId });
  await consumer.connect();
  const records: ConsumedRecord[] = [];
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => {
          const from = topics.join(', ');
          reject(new Error(`read ${records.length} of ${count} records from ${from} in ${timeoutMs / 1000} s`));
        },
        timeoutMs,
      );
      consumer
        .run({
          eachMessage: async ({ topic, partition, message }) => {
            records.push({
              topic,
              partition,
              key: message.key?.toString('utf8') ?? null,
              value: message.value,
              headers: headersAsText(message.headers),
            });
            if (records.length >= count) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
    return records;
  } finally {
    await consumer.disconnect();
  }
}
