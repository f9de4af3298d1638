// Talking to any Kafka cluster (ours or KAFKA_BROKERS) as an admin: is it answering, and
// making the topics a test needs before anything consumes them.
import { Kafka, logLevel } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';

/** "host:port,host:port" → the list kafkajs wants. */
export function parseBrokers(brokers: string): string[] {
  const list = brokers
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  if (list.length === 0) throw new Error(`no Kafka broker address in "${brokers}"`);
  return list;
}

/**
 * True when the cluster answers a metadata request and can coordinate consumer groups. Asking
 * about a group makes a fresh broker create its offsets topic now, not in the first test.
 */
export async function isServing(brokers: string): Promise<boolean> {
  // Silent and without retries: the caller polls, and refusals while starting are expected.
  const kafka = new Kafka({
    clientId: 'shiquan-test-probe',
    brokers: parseBrokers(brokers),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 2_000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.describeGroups(['shiquan-test-probe']);
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export async function waitUntilServing(brokers: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isServing(brokers))) {
    if (Date.now() >= deadline) {
      throw new Error(`no Kafka cluster answers at ${brokers} (waited ${Math.round(timeoutMs / 1000)} s)`);
    }
    await sleep(500);
  }
}

/** Creates the topics (existing ones are left alone) and waits until each has a leader. */
export async function createTopics(
  brokers: string,
  topics: string[],
  options: { partitions?: number } = {},
): Promise<void> {
  const kafka = new Kafka({
    clientId: 'shiquan-test-admin',
    brokers: parseBrokers(brokers),
    logLevel: logLevel.ERROR,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      // -1: the cluster's own default, so the same call works on a 3-node KAFKA_BROKERS cluster.
      topics: topics.map((topic) => ({ topic, numPartitions: options.partitions ?? -1 })),
    });
  } finally {
    await admin.disconnect();
  }
}
