// The reference reader for the ingest comparison: a kafkajs batch consumer that does nothing with
// what it reads but count it, with the relay's consumer settings (a group of its own, no
// commits, the relay's fetch settings), reading the same topics from the beginning.
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { FETCH_SETTINGS } from '../../../relay/ingest/kafkaSource.ts';
import { parseBrokers } from '../../infra/kafkaAdmin.ts';
import type { CpuSample } from '../throughput.ts';

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Reads until `total` records have arrived; the running count (and this process's CPU) after every batch. */
export async function readAllRaw(brokers: string, topics: readonly string[], total: number, timeoutMs: number): Promise<CpuSample[]> {
  const kafka = new Kafka({ clientId: 'bench-raw-consumer', brokers: parseBrokers(brokers), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `bench-raw-${randomUUID()}`, ...FETCH_SETTINGS });
  const samples: CpuSample[] = [{ at: Date.now(), count: 0, cpuSeconds: cpuSeconds() }];
  let count = 0;
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the raw consumer read ${count} of ${total} records in ${timeoutMs / 1000} s`)), timeoutMs);
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            count += batch.messages.length;
            samples.push({ at: Date.now(), count, cpuSeconds: cpuSeconds() });
            if (count >= total) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
    return samples;
  } finally {
    await consumer.disconnect();
  }
}
