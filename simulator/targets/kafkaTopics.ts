// The source topics must exist before events are produced to them, and a relay started later
// expects them too. Missing ones are created with the cluster's defaults (partitions,
// replication), as the relay does; where the cluster forbids that, one line says which.
import type { Kafka } from 'kafkajs';

export async function ensureTopics(kafka: Kafka, topics: readonly string[], brokers: string): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`cannot reach Kafka at ${brokers} (${(error as Error).message})`);
  }
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    try {
      // -1: the cluster's defaults. A topic created meanwhile by a relay is not an error.
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: -1, replicationFactor: -1 })),
      });
    } catch (error) {
      throw new Error(`topics ${missing.join(', ')} are missing and could not be created (${(error as Error).message})`);
    }
  } finally {
    await admin.disconnect();
  }
}
