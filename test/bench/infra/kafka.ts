// The bench's Kafka: the cluster named by KAFKA_BROKERS, or a single-node broker started for the
// run (and removed after it), as the integration tests do. Each measurement gets topics of its
// own under a fresh prefix, so no relay reads another's events.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { SOURCES, topicNames } from '../../../relay/contract/index.ts';
import { createTopics, waitUntilServing } from '../../infra/kafkaAdmin.ts';
import { startBroker } from '../../infra/kafkaBroker.ts';
import { freePort } from '../../infra/ports.ts';

const EXTERNAL_WAIT_MS = 15_000;
const PARTITIONS = 3;
const CREATE_ATTEMPTS = 3;
const CREATE_RETRY_MS = 2_000;

export interface BenchKafka {
  brokers: string;
  /** How the summary names it. */
  description: string;
  stop(): Promise<void>;
}

export async function openKafka(env: Readonly<Record<string, string | undefined>>): Promise<BenchKafka> {
  const external = env.KAFKA_BROKERS?.trim();
  if (external) {
    await waitUntilServing(external, EXTERNAL_WAIT_MS);
    return { brokers: external, description: `KAFKA_BROKERS=${external}`, stop: async () => undefined };
  }
  const broker = await startBroker({ port: await freePort() });
  return {
    brokers: broker.brokers,
    description: `a single-node broker started for the run (${broker.brokers})`,
    async stop() {
      await broker.stop();
      await rm(broker.dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh topic prefix whose three source topics exist, each with three partitions. */
export async function freshTopics(brokers: string, name: string): Promise<string> {
  const prefix = `bench-${name}-${randomUUID().slice(0, 8)}`;
  const topics = topicNames(prefix);
  // On a heavily loaded machine the broker can take longer to elect the new partitions' leaders
  // than the admin client waits ("This server does not host this topic-partition"); creating
  // topics that exist already is harmless, so the bench tries again before giving up a scenario.
  for (let attempt = 1; ; attempt++) {
    try {
      await createTopics(brokers, SOURCES.map((source) => topics[source]), { partitions: PARTITIONS });
      return prefix;
    } catch (error) {
      if (attempt >= CREATE_ATTEMPTS) throw error;
      await sleep(CREATE_RETRY_MS);
    }
  }
}
