// How many records the source topics hold: the sum of their partitions' high-water marks. A
// relay that read each record exactly once has consumed exactly this many.
import { Kafka, logLevel } from 'kafkajs';
import { SOURCES, topicNames } from '../../../relay/contract/index.ts';
import { parseBrokers } from '../../infra/kafkaAdmin.ts';

export async function recordsInSourceTopics(brokers: string, prefix: string): Promise<number> {
  const admin = new Kafka({ clientId: 'shiquan-faults-admin', brokers: parseBrokers(brokers), logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  try {
    const topics = topicNames(prefix);
    let total = 0;
    for (const source of SOURCES) {
      for (const { high } of await admin.fetchTopicOffsets(topics[source])) total += Number(high);
    }
    return total;
  } finally {
    await admin.disconnect();
  }
}
