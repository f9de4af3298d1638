// The source topics, read with kafkajs from an instant given per topic (yesterday's local
// midnight; the case topics from their horizon) by a consumer group of this process alone,
// which commits nothing: every relay reads everything and rebuilds its state from Kafka on start.
//
// Where to read is kept here, not in Kafka: the offsets by timestamp at start, then the next
// offset after each processed chunk. Whenever the group (re)joins — first start, broker restart,
// a consumer restarted after a crash — each partition is sought back to that position, so
// nothing is skipped and nothing is applied twice by this process.
//
// Reads committed data only (kafkajs's default): aborted transactions never reach the ingest, and
// transaction markers move the position like records. A record batch that cannot be read arrives
// as a marker (batchGuard.ts): it is reported, and the position moves past it. What keeps the
// consumer from Kafka (a crash) is reported too; a consumer kafkajs gives up on is started again.
import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep, setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { log } from '../log.ts';
import type { RelayMetrics } from '../metrics.ts';
import { createCatchUp, type PartitionOffset } from './catchUp.ts';
import { skippedBatchOf } from './batchGuard.ts';
import type { IngestHandlers, IngestRecord, RecordSource } from './record.ts';
import { createSkipPolicy } from './skipPolicy.ts';

export interface KafkaSourceOptions {
  kafka: Kafka;
  /** The source topics. */
  topics: readonly string[];
  /** Epoch ms to start reading a topic from. */
  readFrom: (topic: string) => number;
  metrics: Pick<RelayMetrics, 'lag' | 'fetches'>;
  /** Told what keeps the consumer from Kafka (a crash: unreachable, refused), and null once a fetch is answered. */
  onProblem: ProblemHandler;
  /** How long the broker may hold the next fetch, asked before each (fetchWait.ts); FETCH_SETTINGS' wait if not given. */
  fetchWaitMs?: () => number;
}

export type ProblemHandler = (error: unknown) => void;

// Records handed to the ingest at a time; between chunks, HTTP and the broadcast tick get a turn.
const CHUNK = 1_000;
// The broker answers a fetch once this much data waits, or when its wait is up. kafkajs spends
// about as much per fetch (a request, fifteen partitions' answers, a batch each to hand over) as
// on a thousand records, so a fetch should carry all that came since the last tick, not the few
// since the last fetch: at 5,000 events/s a tick's events are about 450 KB (docs/benchmarks.md).
const FETCH_MIN_BYTES = 1024 * 1024;
// The wait when the relay does not say (the relay's own fetches end before each tick: fetchWait.ts).
// It also bounds an idle fetch, and so how long stopping waits for the one in flight.
const FETCH_WAIT_MS = 250;
// A restarted broker holds a group's join until the members it knew have rejoined or timed out;
// kafkajs's default of 30 s made a relay wait that long after a broker restart. The relay's
// group is its own (nothing committed), so being timed out costs only a rejoin and a seek.
const SESSION_TIMEOUT_MS = 10_000;
// Above a broker's default largest batch (message.max.bytes, 1 MiB + 12 bytes), which kafkajs's
// default of 1 MiB is not: such a batch would come only when it leads a fetch's answer.
const MAX_BYTES_PER_PARTITION = 2 * 1024 * 1024;
/** How the relay's consumer fetches; the bench's reference reader fetches the same way. */
export const FETCH_SETTINGS = { maxWaitTimeInMs: FETCH_WAIT_MS, minBytes: FETCH_MIN_BYTES, maxBytesPerPartition: MAX_BYTES_PER_PARTITION } as const;
// While a batch too large for the fetch is given its chance to come whole.
const TOO_LARGE_RETRY_MS = 500;
// kafkajs gives up on a consumer for what it deems permanent (a missing ACL): start a new one
// after this long, so a fixed ACL is picked up without restarting the relay.
const GIVEN_UP_RESTART_MS = 10_000;

const keyOf = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/** Where reading starts (offsets by timestamp) and where "caught up" is (high-water marks now). */
async function startingPoints(admin: Admin, topics: readonly string[], readFrom: (topic: string) => number) {
  const starts: PartitionOffset[] = [];
  const targets: PartitionOffset[] = [];
  for (const topic of topics) {
    for (const { partition, offset } of await admin.fetchTopicOffsetsByTimestamp(topic, readFrom(topic))) {
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

export function createKafkaSource({ kafka, topics, readFrom, metrics, onProblem, fetchWaitMs }: KafkaSourceOptions): RecordSource {
  const groupId = `shiquan-relay-${hostname()}-${process.pid}-${randomUUID()}`;
  const positions = new Map<string, number>();
  let consumer: Consumer | null = null;
  let stopped = false;
  let restart: NodeJS.Timeout | null = null;
  let lastContact: number | null = null;
  let markCaughtUp: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));

  return {
    caughtUp,
    lastContact: () => lastContact,

    async start(handlers: IngestHandlers) {
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
      const skips = createSkipPolicy(Date.now);
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
      const from = Object.fromEntries(topics.map((topic) => [topic, new Date(readFrom(topic)).toISOString()]));
      log.info({ groupId, readFrom: from, toRead: catchUp.remaining() }, 'rebuilding from Kafka');

      const runConsumer = async (): Promise<void> => {
        // No offsets are committed, so the group id only has to be unique to this process.
        const c = kafka.consumer({
          groupId,
          ...FETCH_SETTINGS,
          ...(fetchWaitMs ? { maxWaitTimeInMs: fetchWaitMs } : {}),
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
        // Every answered fetch, empty or not (an idle one returns before each tick).
        c.on(c.events.FETCH, () => {
          metrics.fetches.inc();
          lastContact = Date.now();
          onProblem(null);
        });
        c.on(c.events.CRASH, ({ payload }) => {
          onProblem(payload.error);
          // Restarted by kafkajs itself (after its retries' wait), or by us a little later.
          if (payload.restart || stopped) return;
          restart = setTimeout(() => void runConsumer().catch(onProblem), GIVEN_UP_RESTART_MS);
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
            for (let i = 0; i < fresh.length; ) {
              if (!isRunning() || isStale()) return;
              const skipped = skippedBatchOf(fresh[i]!);
              let next = i + 1;
              if (skipped) {
                if (!skips.moveOn({ topic, partition, ...skipped })) {
                  // Not given up on yet (a batch too large for this fetch): fetch it again shortly.
                  await sleep(TOO_LARGE_RETRY_MS);
                  return;
                }
                const { reason, detail, firstOffset, lastOffset, records } = skipped;
                log.warn({ topic, partition, firstOffset, lastOffset, records, reason, detail }, 'skipped a record batch that cannot be read (dead-lettered)');
                handlers.skipped({ topic, partition, ...skipped });
              } else {
                while (next < fresh.length && next - i < CHUNK && !skippedBatchOf(fresh[next]!)) next++;
                const chunk = fresh.slice(i, next);
                handlers.records(chunk.map((message) => toRecord(topic, partition, message)));
                delivered += chunk.length;
              }
              const last = fresh[next - 1]!.offset;
              resolveOffset(last);
              advance(topic, partition, Number(last) + 1, highWatermark);
              // A long rebuild batch is contact too, though no fetch answers meanwhile.
              lastContact = Date.now();
              i = next;
              await heartbeat();
              await yieldToEventLoop();
            }
            // Transaction markers and aborted records after the last message delivered are read too
            // (kafkajs resolved them with it), or "caught up" would wait for them forever.
            if (fresh.length > 0 && isRunning() && !isStale()) {
              advance(topic, partition, Number(batch.lastOffset()) + 1, highWatermark);
            }
          },
        });
      };
      await runConsumer();
    },

    async stop() {
      stopped = true;
      if (restart) clearTimeout(restart);
      await consumer?.disconnect();
    },
  };
}
