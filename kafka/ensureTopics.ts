// Topics must exist before a relay reads offsets or writes dead letters, and before a producer
// (the simulator) publishes. Missing ones are created with the cluster's defaults (a fresh
// `kafka:up` broker, a new deployment); where the cluster forbids that, one line says which. A
// principal without DESCRIBE on a topic does not see it, so "missing" may mean "not allowed":
// the cause is kept for the caller to tell.
import type { Kafka } from 'kafkajs';

/** Returns the topics it had to create (none when all existed). */
export async function ensureTopics(kafka: Kafka, topics: readonly string[], brokers: string): Promise<string[]> {
  const admin = kafka.admin();
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`cannot reach Kafka at ${brokers} (${(error as Error).message})`, { cause: error });
  }
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return [];
    try {
      // -1: the cluster's default partitions and replication factor.
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: -1, replicationFactor: -1 })),
      });
    } catch (error) {
      throw new Error(`topics ${missing.join(', ')} are missing and could not be created (${(error as Error).message})`, { cause: error });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
