// The relay assembled: geography pack → state; Kafka (or the embedded bus with its historical
// replay) → ingest → state; a fixed tick → deltas to walls over Socket.IO; HTTP for the wall,
// probes, metrics and the state as JSON. start.ts composes it with the embedded demo; main.ts
// runs that, tests start it in-process.
import { Kafka } from 'kafkajs';
// Before any consumer: every codec, and batch-by-batch decoding of fetches.
import '../kafka/codecs.ts';
import './ingest/batchGuard.ts';
import { existsSync } from 'node:fs';
import { setTimeout as timeout } from 'node:timers/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCompoundLocator } from '../geo/compoundLocator.ts';
import { loadPack } from '../geo/loadPack.ts';
import { buildPackIndex } from '../geo/packIndex.ts';
import type { GeoPack } from '../geo/schema.ts';
import { createGuessGate } from './broadcast/guessGate.ts';
import { createLatencySample } from './broadcast/latencySample.ts';
import { startTickLoop } from './broadcast/tickLoop.ts';
import { createTickView } from './broadcast/tickView.ts';
import { startUpstreamWatch, upstreamStatus } from './broadcast/upstreamWatch.ts';
import { createWallServer } from './broadcast/wallServer.ts';
import { createBusDeadLetters, createBusSource } from './bus/busSource.ts';
import { startDuePublisher, type DuePublisher } from './bus/duePublisher.ts';
import { createInProcessBus } from './bus/inProcessBus.ts';
import { HANDSHAKE_BURST_S, type RelayConfig } from './config.ts';
import { CASE_SOURCES, SOURCES, topicNames, type ProducerEvent } from './contract/index.ts';
import { createAddressRate } from './http/addressRate.ts';
import { createHttpApp } from './http/app.ts';
import { guardFrontDoor } from './http/frontDoor.ts';
import { ownNames } from './http/ownNames.ts';
import { relayRoutes } from './http/relayRoutes.ts';
import type { DeadLetterSink } from './ingest/deadLetter.ts';
import { ensureTopics } from '../kafka/ensureTopics.ts';
import { createIngest } from './ingest/ingestRecords.ts';
import { createKafkaDeadLetters } from './ingest/kafkaDeadLetters.ts';
import { kafkaLogCreator, kafkaLogLevel } from './ingest/kafkaLogger.ts';
import { createKafkaSource, type ProblemHandler } from './ingest/kafkaSource.ts';
import { kafkaProblem } from '../kafka/security.ts';
import { createSkipRecorder } from './ingest/skippedBatches.ts';
import { startWithRetry } from './ingest/retryStart.ts';
import type { RecordSource } from './ingest/record.ts';
import { log } from './log.ts';
import { createRelayMetrics, type RelayMetrics } from './metrics.ts';
import { HOUR_MS } from './state/dayClock.ts';
import { createState, snapshot, type RelayState, type Snapshot } from './state/index.ts';

export interface RunningRelay {
  /** The port HTTP and Socket.IO listen on (the configured one, or the one picked for 0). */
  port: number;
  /** False when the wall's directory was missing: the relay serves its API only. */
  servesWall: boolean;
  /**
   * Resolves once the rebuild from Kafka has caught up (on the embedded demo: once today so far
   * is replayed); Kafka may answer long after the relay started.
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
/** Between attempts when Kafka answers but refuses (credentials, trust, ACLs): an operator must act. */
const KAFKA_REFUSED_RETRY_MS = 10_000;
/**
 * The longest wait between kafkajs's own retries (30 s by default). It also restarts a crashed
 * consumer only after its last retry's wait, so this bounds how long a relay idles once a broker
 * is back.
 */
const KAFKA_MAX_RETRY_MS = 2_000;
/**
 * A relay never reads a request body: a request has this long for its headers, and this long in
 * all, before its connection is closed (Node checks every half second).
 */
const HTTP_TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 15_000, connectionsCheckingInterval: 500 };
/** Token checks from an address that has been refused: at most 2 a second, 8 waiting. */
const GUESSES = { intervalMs: 500, maxWaiting: 8, logEveryMs: 10_000, forgetMs: 60_000 };

/** Where the events come from: Kafka, or the embedded demo's in-process bus. */
interface Upstream {
  source: RecordSource;
  deadLetters: DeadLetterSink;
  /** Starts whatever produces the events (the embedded demo); Kafka needs nothing. */
  startProducing(): DuePublisher | null;
}

async function kafkaUpstream(
  brokers: string[],
  config: RelayConfig,
  readFrom: (topic: string) => number,
  metrics: RelayMetrics,
  onProblem: ProblemHandler,
  fetchWaitMs: () => number,
): Promise<Upstream> {
  const kafka = new Kafka({
    clientId: 'shiquan-relay',
    brokers,
    logLevel: kafkaLogLevel(config.logLevel),
    logCreator: kafkaLogCreator,
    retry: { maxRetryTime: KAFKA_MAX_RETRY_MS },
    ssl: config.kafkaSecurity.ssl,
    sasl: config.kafkaSecurity.sasl,
  });
  const topics = topicNames(config.topicPrefix);
  const sourceTopics = SOURCES.map((source) => topics[source]);
  const created = await ensureTopics(kafka, [...sourceTopics, topics.deadletter], brokers.join(','));
  if (created.length > 0) log.warn({ topics: created }, 'created missing topics');
  return {
    source: createKafkaSource({ kafka, topics: sourceTopics, readFrom, metrics, onProblem, fetchWaitMs }),
    deadLetters: await createKafkaDeadLetters({ kafka, topic: topics.deadletter, metrics }),
    startProducing: () => null,
  };
}

export interface DemoStart {
  /** Epoch ms: the relay's start, from which the pace applies. */
  liveFrom: number;
  /** Epoch ms where the local day `offset` days after today starts (−1: yesterday). */
  realDayStart(offset: number): number;
  /** Days from 1 January to today (0 on 1 January). */
  yearDay: number;
}

/** The embedded demo's events from a start, in time order (`ts` in epoch ms). */
export type DemoTraffic = (start: DemoStart) => Iterator<ProducerEvent & { ts: number }>;

/** What the relay is composed with (start.ts): the embedded demo's traffic, the simulator's. */
export interface RelayParts {
  /** DEMO_DAY and DEMO_PACE; throws a ConfigError for a day it cannot replay. */
  demoTraffic(options: { pack: GeoPack; day: string; pace: number }): Promise<DemoTraffic>;
}

/** Days from 1 January to a 'YYYY-MM-DD' date (0 on 1 January). */
function yearDayOf(date: string): number {
  return Math.round((Date.parse(date) - Date.parse(`${date.slice(0, 4)}-01-01`)) / (24 * HOUR_MS));
}

function embeddedUpstream(config: RelayConfig, metrics: RelayMetrics, traffic: DemoTraffic, state: RelayState, clock: RelayClock): Upstream {
  const { now, sleep } = clock;
  const bus = createInProcessBus(now);
  const topics = topicNames(config.topicPrefix);
  const start: DemoStart = {
    liveFrom: now(),
    // Noon of the day asked for: inside it whatever the length of the days between.
    realDayStart: (offset) => state.clock.dayOf(state.today.day.start + offset * 24 * HOUR_MS + 12 * HOUR_MS).start,
    yearDay: yearDayOf(state.today.day.date),
  };
  return {
    source: createBusSource(bus, SOURCES.map((source) => topics[source]), now),
    deadLetters: createBusDeadLetters(bus, topics.deadletter, metrics),
    startProducing: () =>
      startDuePublisher({
        bus,
        topicPrefix: config.topicPrefix,
        events: traffic(start),
        now,
        sleep,
      }),
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

/** The relay's time. Tests inject one to run the embedded demo across a midnight without waiting. */
export interface RelayClock {
  now(): number;
  /** Resolves after `ms` of this clock, or rejects once `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const SYSTEM_CLOCK: RelayClock = { now: Date.now, sleep: (ms, signal) => timeout(ms, undefined, { signal }) };

export async function runRelay(config: RelayConfig, { demoTraffic }: RelayParts, clock: RelayClock = SYSTEM_CLOCK): Promise<RunningRelay> {
  const { now } = clock;
  const pack = await loadPack();
  const index = buildPackIndex(pack);
  const locator = createCompoundLocator(pack.compounds.features);
  // On the embedded demo the figures are a replay of DEMO_DAY, and walls say so.
  const replayOf = config.kafkaBrokers ? null : config.demoDay;
  const state = createState(index, now(), { timeZone: config.timeZone, replayOf });
  // Reads the demo's profile and checks DEMO_DAY before anything starts.
  const traffic = config.kafkaBrokers ? null : await demoTraffic({ pack, day: config.demoDay, pace: config.demoPace });
  const metrics = createRelayMetrics();
  const current = () => snapshot(state, now());

  // Yesterday's midnight, not today's: the wall compares today with yesterday, and after a
  // restart those figures must be as complete as today's. The low-volume case topics from their
  // horizon (1 January less the look-back), for the year to date and the cases still open.
  const caseTopics = new Set(CASE_SOURCES.map((source) => topicNames(config.topicPrefix)[source]));
  const readFrom = (topic: string) => (caseTopics.has(topic) ? state.cases.since : state.yesterday.day.start);
  let ready = false;
  metrics.ready.set(0);
  let markCaughtUp: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));
  const latency = createLatencySample(LATENCY_SAMPLE);
  // Null until an upstream has started: nothing upstream has answered yet.
  let source: RecordSource | null = null;
  let producer: DuePublisher | null = null;
  const lastContact = () => source?.lastContact() ?? null;
  const upstreamNow = () => upstreamStatus(lastContact(), now());
  // Why Kafka does not serve the relay now (unreachable, credentials, trust, ACLs); logged once
  // per change, shown on /readyz.
  let problem: string | null = null;
  const onProblem: ProblemHandler = (error) => {
    const next = error === null ? null : kafkaProblem(error).message;
    if (next === problem) return;
    if (next !== null) log.warn({ err: error, brokers: config.kafkaBrokers, security: config.kafkaSecurity.description }, `Kafka does not serve the relay: ${next}; retrying`);
    else if (problem !== null) log.info('Kafka serves the relay again');
    problem = next;
  };

  // HTTP and walls first, so probes and walls are answered while Kafka is not (yet) there.
  const servesWall = existsSync(config.wallDir);
  if (!servesWall) log.warn({ wallDir: config.wallDir }, 'the wall is not built; serving the API only');
  const isReady = () => ready;
  const wallShape = { wall: config.wallSize, grid: config.wallGrid, bezel: config.wallBezel, dpr: config.wallDpr };
  const tickView = createTickView(state.sent, () => metrics.snapshotsEncoded.inc({ for: 'http' }));
  const token = config.wallToken;
  const routes = relayRoutes({ isReady, upstream: upstreamNow, problem: () => problem, state: tickView, registry: metrics.registry, wallShape, token });
  const httpServer = createServer(HTTP_TIMEOUTS, createHttpApp({ wallDir: servesWall ? config.wallDir : null, routes }));
  const guesses = createGuessGate({ ...GUESSES, now });
  const walls = createWallServer({ httpServer, token, guesses, upstream: upstreamNow, metrics });
  const handshakes =
    config.handshakeRate > 0 ? createAddressRate({ ratePerS: config.handshakeRate, burst: config.handshakeRate * HANDSHAKE_BURST_S, now }) : null;
  const hosts = { own: ownNames(now), extra: config.allowedHosts, origins: config.allowedOrigins };
  guardFrontDoor(httpServer, { hosts, handshakes, metrics });
  const port = await listen(httpServer, config.port);
  const ticks = startTickLoop({ hz: config.tickHz, state, walls, view: tickView, isReady, latency, metrics, now });
  const watch = startUpstreamWatch({ lastContact, now, onChange: (status) => walls.sendUpstream(status), metrics });

  const startUpstream = async (upstream: Upstream): Promise<Upstream> => {
    const ingest = createIngest({
      state,
      topicPrefix: config.topicPrefix,
      lookup: { hasCompound: (id) => index.compounds.has(id), locate: (lng, lat) => locator.locate(lng, lat) },
      deadLetters: upstream.deadLetters,
      metrics,
      // Rebuilt events are hours old: only live ones say anything about latency.
      onApplied: (timestamp) => ready && latency.add(timestamp),
      now,
    });
    const skipped = createSkipRecorder({ state, topicPrefix: config.topicPrefix, deadLetters: upstream.deadLetters, metrics, now });
    try {
      await upstream.source.start({ records: ingest, skipped });
    } catch (error) {
      await upstream.source.stop().catch(() => undefined);
      await upstream.deadLetters.close().catch(() => undefined);
      throw error;
    }
    source = upstream.source;
    producer = upstream.startProducing();
    const demo = producer?.caughtUp.then(({ events, elapsedMs }) => log.info({ events, elapsedMs }, 'embedded demo: today so far replayed'));
    void Promise.all([upstream.source.caughtUp, demo]).then(() => {
      ready = true;
      metrics.ready.set(1);
      // The first complete view at once: from the moment /readyz says ready, /api/state and the
      // walls waiting for a snapshot have it.
      ticks.tickNow();
      markCaughtUp();
    });
    return upstream;
  };

  const brokers = config.kafkaBrokers;
  const starting = brokers
    ? startWithRetry(
        () =>
          kafkaUpstream(brokers, config, readFrom, metrics, onProblem, ticks.fetchStarts)
            .then(startUpstream)
            .then((upstream) => (onProblem(null), upstream)),
        {
          retryMs: (error) => (kafkaProblem(error).kind === 'unreachable' ? KAFKA_RETRY_MS : KAFKA_REFUSED_RETRY_MS),
          onFailure: (error) => onProblem(error),
        },
      )
    : null;
  const embedded = traffic ? await startUpstream(embeddedUpstream(config, metrics, traffic, state, clock)) : null;
  const since = { events: new Date(state.yesterday.day.start).toISOString(), cases: new Date(state.cases.since).toISOString() };
  log.info({ port, kafka: brokers ?? 'embedded bus', readFrom: since }, 'relay started');

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
      const upstream = embedded ?? (await starting?.stop()) ?? null;
      await producer?.stop();
      await upstream?.source.stop();
      await upstream?.deadLetters.close();
      httpServer.closeAllConnections();
      await walls.close();
    },
  };
}
