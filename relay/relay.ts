// The relay assembled: geography pack → state; Kafka (or the embedded bus with its historical
// replay) → ingest → state; a fixed tick → deltas to walls over Socket.IO; HTTP for the wall,
// probes, metrics and the state as JSON. main.ts runs it; tests start it in-process.
import { Kafka } from 'kafkajs';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCompoundLocator } from '../geo/compoundLocator.ts';
import { loadPack } from '../geo/loadPack.ts';
import { buildPackIndex } from '../geo/packIndex.ts';
import type { GeoPack } from '../geo/schema.ts';
import { createLatencySample } from './broadcast/latencySample.ts';
import { startTickLoop } from './broadcast/tickLoop.ts';
import { startUpstreamWatch, upstreamStatus } from './broadcast/upstreamWatch.ts';
import { createWallServer } from './broadcast/wallServer.ts';
import { createBusDeadLetters, createBusSource } from './bus/busSource.ts';
import { startHistoricalReplay, type HistoricalReplay } from './bus/historicalReplay.ts';
import { createInProcessBus } from './bus/inProcessBus.ts';
import type { RelayConfig } from './config.ts';
import { SOURCES, topicNames } from './contract/index.ts';
import { createHttpApp } from './http/app.ts';
import { relayRoutes } from './http/relayRoutes.ts';
import type { DeadLetterSink } from './ingest/deadLetter.ts';
import { ensureTopics } from './ingest/ensureTopics.ts';
import { createIngest } from './ingest/ingestRecords.ts';
import { createKafkaDeadLetters } from './ingest/kafkaDeadLetters.ts';
import { kafkaLogCreator, kafkaLogLevel } from './ingest/kafkaLogger.ts';
import { createKafkaSource } from './ingest/kafkaSource.ts';
import { startWithRetry } from './ingest/retryStart.ts';
import type { EventSource } from './ingest/record.ts';
import { log } from './log.ts';
import { createRelayMetrics, type RelayMetrics } from './metrics.ts';
import { createState, snapshot, type Snapshot } from './state/index.ts';

export interface RunningRelay {
  /** The port HTTP and Socket.IO listen on (the configured one, or the one picked for 0). */
  port: number;
  /** False when the wall's directory was missing: the relay serves its API only. */
  servesWall: boolean;
  /**
   * Resolves once the rebuild from Kafka has caught up (at once on the embedded bus); Kafka may
   * answer long after the relay started.
   */
  caughtUp: Promise<void>;
  isReady(): boolean;
  snapshot(): Snapshot;
  metrics: RelayMetrics;
  close(): Promise<void>;
}

/** Sampled timestamps per tick for the latency histogram. */
const LATENCY_SAMPLE = 4_096;
/** Between attempts to reach Kafka while it is not there (at start, or started later). */
const KAFKA_RETRY_MS = 2_000;
/**
 * The longest wait between kafkajs's own retries (30 s by default). It also restarts a crashed
 * consumer only after its last retry's wait, so this bounds how long a relay idles once a broker
 * is back.
 */
const KAFKA_MAX_RETRY_MS = 2_000;

interface Feed {
  source: EventSource;
  deadLetters: DeadLetterSink;
  /** Starts whatever produces the events (the embedded replay); Kafka needs nothing. */
  startProducing(timeOfDayMs: number): HistoricalReplay | null;
}

async function kafkaFeed(brokers: string[], config: RelayConfig, readFrom: number, metrics: RelayMetrics): Promise<Feed> {
  const kafka = new Kafka({
    clientId: 'shiquan-relay',
    brokers,
    logLevel: kafkaLogLevel(config.logLevel),
    logCreator: kafkaLogCreator,
    retry: { maxRetryTime: KAFKA_MAX_RETRY_MS },
  });
  const topics = topicNames(config.topicPrefix);
  const sourceTopics = SOURCES.map((source) => topics[source]);
  const created = await ensureTopics(kafka, [...sourceTopics, topics.deadletter], brokers.join(','));
  if (created.length > 0) log.warn({ topics: created }, 'created missing topics');
  return {
    source: createKafkaSource({ kafka, topics: sourceTopics, readFrom, metrics }),
    deadLetters: await createKafkaDeadLetters({ kafka, topic: topics.deadletter, metrics }),
    startProducing: () => null,
  };
}

function embeddedFeed(config: RelayConfig, metrics: RelayMetrics, pack: GeoPack): Feed {
  const bus = createInProcessBus();
  const topics = topicNames(config.topicPrefix);
  return {
    source: createBusSource(bus, SOURCES.map((source) => topics[source])),
    deadLetters: createBusDeadLetters(bus, topics.deadletter, metrics),
    startProducing: (timeOfDayMs) =>
      startHistoricalReplay({ bus, topicPrefix: config.topicPrefix, speed: config.replaySpeed, pack, timeOfDayMs }),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startRelay(config: RelayConfig): Promise<RunningRelay> {
  const now = Date.now;
  const pack = await loadPack();
  const index = buildPackIndex(pack);
  const locator = createCompoundLocator(pack.compounds.features);
  const state = createState(index, now(), { timeZone: config.timeZone });
  const metrics = createRelayMetrics();
  const current = () => snapshot(state, now());

  // Yesterday's midnight, not today's: the wall compares today with yesterday, and after a
  // restart those figures must be as complete as today's.
  const readFrom = state.yesterday.day.start;
  let ready = false;
  metrics.ready.set(0);
  let markCaughtUp: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));
  const latency = createLatencySample(LATENCY_SAMPLE);
  // Null until a feed has started: nothing upstream has answered yet.
  let source: EventSource | null = null;
  let producer: HistoricalReplay | null = null;
  const lastContact = () => source?.lastContact() ?? null;
  const upstream = () => upstreamStatus(lastContact(), now());

  // HTTP and walls first, so probes and walls are answered while Kafka is not (yet) there.
  const servesWall = existsSync(config.wallDir);
  if (!servesWall) log.warn({ wallDir: config.wallDir }, 'the wall is not built; serving the API only');
  const isReady = () => ready;
  const wallShape = { wall: config.wallSize, grid: config.wallGrid, bezel: config.wallBezel, dpr: config.wallDpr };
  const routes = relayRoutes({ isReady, upstream, snapshot: current, registry: metrics.registry, wallShape });
  const httpServer = createServer(createHttpApp({ wallDir: servesWall ? config.wallDir : null, routes }));
  const walls = createWallServer({ httpServer, token: config.wallToken, snapshot: current, upstream, metrics });
  const port = await listen(httpServer, config.port);
  const ticks = startTickLoop({ hz: config.tickHz, state, walls, latency, metrics, now });
  const watch = startUpstreamWatch({ lastContact, now, onChange: (status) => walls.sendUpstream(status), metrics });

  const startFeed = async (feed: Feed): Promise<Feed> => {
    const ingest = createIngest({
      state,
      topicPrefix: config.topicPrefix,
      lookup: { hasCompound: (id) => index.compounds.has(id), locate: (lng, lat) => locator.locate(lng, lat) },
      deadLetters: feed.deadLetters,
      metrics,
      // Rebuilt events are hours old: only live ones say anything about latency.
      onApplied: (timestamp) => ready && latency.add(timestamp),
      now,
    });
    try {
      await feed.source.start(ingest);
    } catch (error) {
      await feed.source.stop().catch(() => undefined);
      await feed.deadLetters.close().catch(() => undefined);
      throw error;
    }
    source = feed.source;
    void feed.source.caughtUp.then(() => {
      ready = true;
      metrics.ready.set(1);
      markCaughtUp();
    });
    producer = feed.startProducing(now() - state.today.day.start);
    return feed;
  };

  const brokers = config.kafkaBrokers;
  const starting = brokers
    ? startWithRetry(() => kafkaFeed(brokers, config, readFrom, metrics).then(startFeed), {
        retryMs: KAFKA_RETRY_MS,
        onFailure: (error, attempt) =>
          log.warn({ err: error, attempt, retryMs: KAFKA_RETRY_MS }, 'cannot reach Kafka yet; serving walls the last known state'),
      })
    : null;
  const embedded = starting ? null : await startFeed(embeddedFeed(config, metrics, pack));
  log.info({ port, kafka: brokers ?? 'embedded bus', readFrom: new Date(readFrom).toISOString() }, 'relay started');

  return {
    port,
    servesWall,
    caughtUp,
    isReady,
    snapshot: current,
    metrics,
    async close() {
      watch.stop();
      ticks.stop();
      const feed = embedded ?? (await starting?.stop()) ?? null;
      await producer?.stop();
      await feed?.source.stop();
      await feed?.deadLetters.close();
      httpServer.closeAllConnections();
      await walls.close();
    },
  };
}
