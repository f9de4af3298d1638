// Dead letters to Kafka, batched: rejects queue up while one produce is in flight and go out
// together in the next. The queue is bounded, so a dead-letter topic that cannot be written
// (broker down, ACLs) costs a counted loss, never the relay's memory or its ingest.
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { log } from '../log.ts';
import type { RelayMetrics } from '../metrics.ts';
import type { DeadLetter, DeadLetterSink } from './deadLetter.ts';
import { takeBatch } from './deadLetterBatch.ts';

export interface KafkaDeadLettersOptions {
  kafka: Kafka;
  topic: string;
  metrics: Pick<RelayMetrics, 'deadLettered' | 'deadLetterDropped'>;
  /** Letters waiting beyond this many are dropped (and counted). */
  maxQueued?: number;
  /** Letters per produce request (which is bounded in bytes too). */
  maxBatch?: number;
}

export async function createKafkaDeadLetters(options: KafkaDeadLettersOptions): Promise<DeadLetterSink> {
  const { kafka, topic, metrics, maxQueued = 10_000, maxBatch = 1_000 } = options;
  const producer: Producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const queue: DeadLetter[] = [];
  let sending: Promise<void> | null = null;

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = takeBatch(queue, maxBatch);
      try {
        await producer.send({ topic, acks: -1, messages: batch.map(({ key, value }) => ({ key, value })) });
        metrics.deadLettered.inc(batch.length);
      } catch (error) {
        // kafkajs has retried already; holding on would only grow the queue.
        metrics.deadLetterDropped.inc(batch.length);
        log.error({ err: error, letters: batch.length, topic }, 'dead letters could not be written');
      }
    }
  }

  function kick(): void {
    sending ??= drain().finally(() => {
      sending = null;
      // Letters written between the last check of the queue and here.
      if (queue.length > 0) kick();
    });
  }

  return {
    write(letters) {
      const room = Math.max(0, maxQueued - queue.length);
      if (letters.length > room) metrics.deadLetterDropped.inc(letters.length - room);
      for (let i = 0; i < Math.min(room, letters.length); i++) queue.push(letters[i]!);
      if (queue.length > 0) kick();
    },
    async close() {
      await sending;
      await drain();
      await producer.disconnect();
    },
  };
}
