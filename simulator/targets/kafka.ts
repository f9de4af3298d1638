// The Kafka target: each event, as the contract's JSON keyed by its compound, to its source's
// topic. Batches from the run loop are queued and sent as large produce requests, one at a
// time (so order holds even when a request is retried), acknowledged by all in-sync replicas,
// through kafkajs's idempotent producer (a retried request is not written twice). While one
// request is in flight the next fills up, so the batch size grows with the rate by itself; the
// run loop is held back only when the queue is full. Live timestamps: the run loop re-stamps
// events on the wall clock before they come here.
import { Buffer } from 'node:buffer';
import { Kafka, Partitioners, logLevel, type Message, type TopicMessages } from 'kafkajs';
import { SOURCES, sourceOfKind, topicNames, type TopicNames } from '../../relay/contract/index.ts';
import type { EventKey } from './eventKey.ts';
import { ensureTopics } from '../../relay/ingest/ensureTopics.ts';
import type { Target } from './target.ts';

/**
 * Well under the broker's default message.max.bytes (1 MB) per partition; and kafkajs groups a
 * request's messages by partition in time quadratic in their number, so past about a thousand
 * events a bigger request costs more CPU than another round trip (measured: 256 KB beat 128 KB
 * and 768 KB).
 */
const MAX_REQUEST_BYTES = 256 * 1024;
/** Events queued beyond the request in flight before the run loop has to wait. */
const MAX_QUEUED_EVENTS = 50_000;

/** The part of a kafkajs producer the target uses. */
export interface BatchProducer {
  sendBatch(batch: { acks: number; topicMessages: TopicMessages[] }): Promise<unknown>;
  disconnect(): Promise<void>;
}

interface Queued {
  topic: string;
  message: Message;
  bytes: number;
}

function describe(error: unknown): string {
  return (error as Error).message ?? String(error);
}

/** The queueing and sending over any producer; `openKafkaTarget` gives it a kafkajs one. */
export function producerTarget(producer: BatchProducer, topics: TopicNames, keyOf: EventKey, name: string): Target {
  let queue: Queued[] = [];
  let failure: Error | null = null;
  /** The request being sent, if any. */
  let inFlight: Promise<void> | null = null;
  /** Whether no pump is running; set in the same turn as the pump's last look at the queue. */
  let idle = true;
  let drained: Promise<void> = Promise.resolve();

  /** The longest head of the queue that fits one request (at least one event). */
  function takeRequest(): TopicMessages[] {
    let bytes = 0;
    let count = 0;
    while (count < queue.length && (count === 0 || bytes + (queue[count] as Queued).bytes <= MAX_REQUEST_BYTES)) {
      bytes += (queue[count] as Queued).bytes;
      count++;
    }
    const byTopic = new Map<string, Message[]>();
    for (const { topic, message } of queue.splice(0, count)) {
      let messages = byTopic.get(topic);
      if (!messages) byTopic.set(topic, (messages = []));
      messages.push(message);
    }
    return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
  }

  /** Sends the queue, one request at a time, until it is empty; one pump at most. */
  function pump(): void {
    if (!idle) return;
    idle = false;
    drained = (async () => {
      while (queue.length > 0 && failure === null) {
        inFlight = producer.sendBatch({ acks: -1, topicMessages: takeRequest() }).then(
          () => undefined,
          (error: unknown) => {
            failure = new Error(`Kafka did not take a batch (${describe(error)})`);
            queue = [];
          },
        );
        await inFlight;
      }
      inFlight = null;
      idle = true;
    })();
  }

  return {
    name,
    timestamps: 'live',
    async send(events) {
      if (failure) throw failure;
      for (const event of events) {
        const value = Buffer.from(JSON.stringify(event));
        const key = keyOf(event);
        queue.push({ topic: topics[sourceOfKind(event.kind)], message: { key, value }, bytes: value.length + (key?.length ?? 0) });
      }
      pump();
      while (queue.length >= MAX_QUEUED_EVENTS && inFlight) await inFlight;
      if (failure) throw failure;
    },
    async close() {
      try {
        while (!idle) await drained;
        if (failure) throw failure;
      } finally {
        await producer.disconnect();
      }
    },
  };
}

export interface KafkaTargetOptions {
  brokers: readonly string[];
  topicPrefix: string;
  keyOf: EventKey;
}

/** Connects, creates the source topics if missing, and returns the target. */
export async function openKafkaTarget({ brokers, topicPrefix, keyOf }: KafkaTargetOptions): Promise<Target> {
  const where = brokers.join(',');
  const kafka = new Kafka({
    clientId: 'shiquan-simulator',
    brokers: [...brokers],
    // Silent: problems come back as errors, and the CLI says them in one line.
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3_000,
    // A few seconds of retries, not kafkajs's default of half a minute, before saying Kafka is not there.
    retry: { retries: 3 },
  });
  const topics = topicNames(topicPrefix);
  await ensureTopics(kafka, SOURCES.map((source) => topics[source]), where);
  const producer = kafka.producer({
    idempotent: true,
    // Java clients' hashing of keys, so a compound's events share a partition with any producer.
    createPartitioner: Partitioners.DefaultPartitioner,
    // Bounded, so a broker that is gone ends the run with an error instead of retrying forever.
    retry: { retries: 8 },
  });
  try {
    await producer.connect();
  } catch (error) {
    throw new Error(`cannot connect a producer to Kafka at ${where} (${describe(error)})`);
  }
  return producerTarget(producer, topics, keyOf, `Kafka ${where} (${topicPrefix}.*)`);
}
