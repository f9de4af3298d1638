// The relay's topics must exist before it reads offsets or writes dead letters. Missing ones are
// created with the cluster's defaults (a fresh `kafka:up` broker, a new deployment); where the
// cluster forbids that, the start fails with one line saying which topics to create.
import type { Kafka } from 'kafkajs';
import { log } from '../log.ts';

export async function ensureTopics(kafka: Kafka, topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    try {
      // -1: the cluster's default partitions and replication factor.
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: -1, replicationFactor: -1 })),
      });
    } catch (error) {
      throw new Error(`topics ${missing.join(', ')} are missing and could not be created (${(error as Error).message})`);
    }
    log.warn({ topics: missing }, 'created missing topics');
  } finally {
    await admin.disconnect();
  }
}
