// The three source topics, read with kafkajs from a given instant (yesterday's local midnight)
// by a consumer group of this process alone, which commits nothing: every relay reads everything
// and rebuilds its state from Kafka on start.
//
// Where to read is kept here, not in Kafka: the offsets by timestamp at start, then the next
// offset after each processed chunk. Whenever the group (re)joins — first start, broker restart,
// a consumer restarted after a crash — each partition is sought back to that position, so
// nothing is skipped and nothing is applied twice by this process.
import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { log } from '../log.ts';
import type { RelayMetrics } from '../metrics.ts';
import { createCatchUp, type PartitionOffset } from './catchUp.ts';
import type { EventSource, IngestRecord, RecordHandler } from './record.ts';

export interface KafkaSourceOptions {
  kafka: Kafka;
  /** The three source topics. */
  topics: readonly string[];
  /** Epoch ms to start reading from. */
  readFrom: number;
  metrics: Pick<RelayMetrics, 'lag'>;
}

// Records handed to the ingest at a time; between chunks, HTTP and the broadcast tick get a turn.
const CHUNK = 1_000;
// Data is returned as soon as there is any; this only bounds an empty long poll.
const IDLE_FETCH_MS = 500;
// A restarted broker holds a group's join until the members it knew have rejoined or timed out;
// kafkajs's default of 30 s made a relay wait that long after a broker restart. The relay's
// group is its own (nothing committed), so being timed out costs only a rejoin and a seek.
const SESSION_TIMEOUT_MS = 10_000;

const keyOf = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/** Where reading starts (offsets by timestamp) and where "caught up" is (high-water marks now). */
async function startingPoints(admin: Admin, topics: readonly string[], readFrom: number) {
  const starts: PartitionOffset[] = [];
  const targets: PartitionOffset[] = [];
  for (const topic of topics) {
    for (const { partition, offset } of await admin.fetchTopicOffsetsByTimestamp(topic, readFrom)) {
      starts.push({ topic, partition, offset: Number(offset) });
    }
    for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
      targets.push({ topic, partition, offset: Number(high) });
    }
  }
  return { starts, targets };
}

function toRecord(topic: string, partition: number, message: EachBatchPayload['batch']['messages'][number]): IngestRecord {
  return { topic, partition, offset: message.offset, timestamp: Number(message.timestamp), value: message.value };
}

export function createKafkaSource({ kafka, topics, readFrom, metrics }: KafkaSourceOptions): EventSource {
  const groupId = `shiquan-relay-${hostname()}-${process.pid}-${randomUUID()}`;
  const positions = new Map<string, number>();
  let consumer: Consumer | null = null;
  let lastContact: number | null = null;
  let markCaughtUp: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));

  return {
    caughtUp,
    lastContact: () => lastContact,

    async start(handler: RecordHandler) {
      const admin = kafka.admin();
      await admin.connect();
      let points: Awaited<ReturnType<typeof startingPoints>>;
      try {
        points = await startingPoints(admin, topics, readFrom);
      } finally {
        await admin.disconnect();
      }
      lastContact = Date.now();
      for (const { topic, partition, offset } of points.starts) positions.set(keyOf(topic, partition), offset);
      const catchUp = createCatchUp(points.starts, points.targets);
      const started = Date.now();
      let delivered = 0;
      const advance = (topic: string, partition: number, next: number, highWatermark: number) => {
        const key = keyOf(topic, partition);
        // Never backwards: a re-fetch may report offsets this process is already past.
        next = Math.max(positions.get(key) ?? 0, next);
        positions.set(key, next);
        metrics.lag.set({ topic, partition }, Math.max(0, highWatermark - next));
        if (catchUp.isDone()) return;
        catchUp.advance(topic, partition, next);
        if (catchUp.isDone()) {
          log.info({ records: delivered, ms: Date.now() - started }, 'rebuild from Kafka caught up');
          markCaughtUp();
        }
      };
      if (catchUp.isDone()) markCaughtUp();
      log.info({ groupId, readFrom: new Date(readFrom).toISOString(), toRead: catchUp.remaining() }, 'rebuilding from Kafka');

      // No offsets are committed, so the group id only has to be unique to this process.
      const c = kafka.consumer({
        groupId,
        // An idle fetch returns after this long; stopping waits for the one in flight.
        maxWaitTimeInMs: IDLE_FETCH_MS,
        sessionTimeout: SESSION_TIMEOUT_MS,
        retry: { restartOnFailure: async () => true },
      });
      consumer = c;
      c.on(c.events.GROUP_JOIN, ({ payload }) => {
        for (const [topic, partitions] of Object.entries(payload.memberAssignment)) {
          for (const partition of partitions) {
            const position = positions.get(keyOf(topic, partition));
            if (position !== undefined) c.seek({ topic, partition, offset: String(position) });
          }
        }
      });
      // Batches that held only control records never reach eachBatch, but still move the position.
      c.on(c.events.END_BATCH_PROCESS, ({ payload }) => {
        if (payload.batchSize === 0) {
          advance(payload.topic, payload.partition, Number(payload.lastOffset) + 1, Number(payload.highWatermark));
        }
      });
      // Every answered fetch, empty or not (an idle one returns each IDLE_FETCH_MS).
      c.on(c.events.FETCH, () => (lastContact = Date.now()));
      c.on(c.events.CRASH, ({ payload }) => {
        log.error({ err: payload.error, restart: payload.restart }, 'Kafka consumer crashed; restarting it');
      });
      await c.connect();
      // A partition added later (no position of ours) is read from its start.
      await c.subscribe({ topics: [...topics], fromBeginning: true });
      await c.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
          const { topic, partition, messages } = batch;
          const highWatermark = Number(batch.highWatermark);
          const from = positions.get(keyOf(topic, partition)) ?? 0;
          // A re-fetch after a seek may start before where this process already is.
          const fresh = Number(messages[0]?.offset ?? from) < from ? messages.filter((m) => Number(m.offset) >= from) : messages;
          const lastSeen = messages[messages.length - 1]?.offset;
          if (fresh.length === 0 && lastSeen !== undefined) resolveOffset(lastSeen);
          for (let i = 0; i < fresh.length; i += CHUNK) {
            if (!isRunning() || isStale()) return;
            const chunk = fresh.slice(i, i + CHUNK);
            handler(chunk.map((message) => toRecord(topic, partition, message)));
            delivered += chunk.length;
            const last = chunk[chunk.length - 1]!.offset;
            resolveOffset(last);
            advance(topic, partition, Number(last) + 1, highWatermark);
            // A long rebuild batch is contact too, though no fetch answers meanwhile.
            lastContact = Date.now();
            await heartbeat();
            await yieldToEventLoop();
          }
        },
      });
    },

    async stop() {
      await consumer?.disconnect();
    },
  };
}
