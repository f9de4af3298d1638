// The Kafka target: each event, as the contract's JSON keyed by its compound, to its source's
// topic. Batches from the run loop are queued and sent as large produce requests, one at a
// time (so order holds even when a request is retried), acknowledged by all in-sync replicas,
// through kafkajs's idempotent producer (a retried request is not written twice), compressed with
// any of Kafka's codecs. While one request is in flight the next fills up, so the batch size
// grows with the rate by itself; the run loop is held back only when the queue is full. Live
// timestamps: the run loop re-stamps events on the wall clock before they come here.
import { Buffer } from 'node:buffer';
import { Kafka, Partitioners, logLevel, type CompressionTypes, type Message, type TopicMessages } from 'kafkajs';
import { setTimeout as wait } from 'node:timers/promises';
import { SOURCES, sourceOfKind, topicNames, type TopicNames } from '../../relay/contract/index.ts';
import type { EventKey } from './eventKey.ts';
import { ensureTopics } from '../../kafka/ensureTopics.ts';
import { COMPRESSION_TYPES, type CompressionName } from '../../kafka/codecs.ts';
import { kafkaProblem, type KafkaSecurity } from '../../kafka/security.ts';
import type { Outage, Target } from './target.ts';

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
  sendBatch(batch: { acks: number; compression?: CompressionTypes; topicMessages: TopicMessages[] }): Promise<unknown>;
  disconnect(): Promise<void>;
}

interface Queued {
  topic: string;
  message: Message;
  bytes: number;
}

function describe(error: unknown): string {
  return ((error as Error).message ?? String(error)).split('\n', 1)[0] ?? '';
}

/** kafkajs marks what may pass (a broker restarting, a leader moving); its last retry wraps the cause. */
function isTransient(error: unknown): boolean {
  let cause = error as { cause?: unknown; retriable?: boolean; name?: string } | undefined;
  while (cause?.cause) cause = cause.cause as typeof cause;
  return cause?.retriable === true;
}

export interface ProducerTargetOptions {
  compression?: CompressionTypes;
  /** Between attempts while Kafka does not take a request. */
  retryMs?: number;
  /** How long Kafka may not take a request before the run fails. */
  maxOutageMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const RETRY_MS = 1_000;
const MAX_OUTAGE_MS = 5 * 60_000;

/**
 * The queueing and sending over any producer; `openKafkaTarget` gives it a kafkajs one. A request
 * Kafka does not take for a transient reason (a broker restarting) is sent again until it is
 * taken, while the run loop waits behind the full queue; each such stretch is an outage in the
 * report. Anything else (refused credentials, a missing topic), or an outage past its limit,
 * fails the run.
 */
export function producerTarget(producer: BatchProducer, topics: TopicNames, keyOf: EventKey, name: string, options: ProducerTargetOptions = {}): Target {
  const { compression, retryMs = RETRY_MS, maxOutageMs = MAX_OUTAGE_MS, now = Date.now, sleep = (ms: number) => wait(ms) } = options;
  let queue: Queued[] = [];
  let failure: Error | null = null;
  const outages: Outage[] = [];
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

  /** Sends one request until Kafka takes it; sets `failure` when it will not. */
  async function deliver(topicMessages: TopicMessages[]): Promise<void> {
    let since: number | null = null;
    for (;;) {
      try {
        await producer.sendBatch({ acks: -1, compression, topicMessages });
        if (since !== null) outages[outages.length - 1]!.to = now();
        return;
      } catch (error) {
        const at = now();
        since ??= at;
        const outage: Outage = { from: since, to: at, error: describe(error) };
        if (since === at) outages.push(outage);
        else outages[outages.length - 1] = outage;
        if (!isTransient(error)) failure = new Error(`Kafka did not take a batch (${outage.error})`);
        else if (at - since > maxOutageMs) failure = new Error(`Kafka did not take a batch for ${Math.round((at - since) / 1000)} s (${outage.error})`);
        if (failure) {
          // A refusal is not an outage ridden through.
          if (since === at) outages.pop();
          queue = [];
          return;
        }
        await sleep(retryMs);
      }
    }
  }

  /** Sends the queue, one request at a time, until it is empty; one pump at most. */
  function pump(): void {
    if (!idle) return;
    idle = false;
    drained = (async () => {
      while (queue.length > 0 && failure === null) {
        inFlight = deliver(takeRequest());
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
    outages: () => outages,
  };
}

export interface KafkaTargetOptions {
  brokers: readonly string[];
  topicPrefix: string;
  compression?: CompressionName;
  /** TLS and SASL (KAFKA_SECURITY_PROTOCOL and the variables with it). */
  security?: KafkaSecurity;
  keyOf: EventKey;
}

/** Connects, creates the source topics if missing, and returns the target. */
export async function openKafkaTarget({ brokers, topicPrefix, compression = 'none', security, keyOf }: KafkaTargetOptions): Promise<Target> {
  const where = brokers.join(',');
  const kafka = new Kafka({
    clientId: 'shiquan-simulator',
    brokers: [...brokers],
    // Silent: problems come back as errors, and the CLI says them in one line.
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3_000,
    // A few seconds of retries, not kafkajs's default of half a minute, before saying Kafka is not there.
    retry: { retries: 3 },
    ssl: security?.ssl,
    sasl: security?.sasl,
  });
  const topics = topicNames(topicPrefix);
  try {
    await ensureTopics(kafka, SOURCES.map((source) => topics[source]), where);
  } catch (error) {
    // Unreachable: ensureTopics says so with the address; a refusal says why, at which address.
    const problem = kafkaProblem(error);
    throw problem.kind === 'unreachable' ? error : new Error(`${problem.message} at ${where}`, { cause: error });
  }
  const producer = kafka.producer({
    idempotent: true,
    // Java clients' hashing of keys, so a compound's events share a partition with any producer.
    createPartitioner: Partitioners.DefaultPartitioner,
    // A few quick retries; a longer outage is ridden through by the target's own loop, which
    // reports it.
    retry: { retries: 3 },
  });
  try {
    await producer.connect();
  } catch (error) {
    throw new Error(`cannot connect a producer: ${kafkaProblem(error).message} at ${where}`, { cause: error });
  }
  const codec = compression === 'none' ? '' : `, ${compression}`;
  return producerTarget(producer, topics, keyOf, `Kafka ${where} (${topicPrefix}.*${codec})`, { compression: COMPRESSION_TYPES[compression] });
}
