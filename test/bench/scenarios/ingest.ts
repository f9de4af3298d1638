// Ingest against a raw read of the same data: N events are produced once; then a kafkajs
// consumer that does nothing reads them all from the beginning, then our relay — as a child
// process, with the crowd of walls attached — reads them into its state (it rebuilds from
// yesterday's midnight, which takes in all of them), then the raw consumer reads them again;
// the raw rate is the mean of its two reads, so a drift in the machine's load falls on both
// sides. Each rate is taken between the moments 10 % and 90 % of the events had been read (for
// the relay: from when its walls were attached, if later), leaving out start-up and the last
// fetch.
import { setTimeout as sleep } from 'node:timers/promises';
import { SOURCES, topicNames } from '../../../relay/contract/index.ts';
import { metric, spawnRelay } from '../../integration/support/relays.ts';
import type { BenchContext } from '../context.ts';
import type { Crowd } from '../crowd/crowd.ts';
import { meanOf } from '../figures.ts';
import { freshTopics } from '../infra/kafka.ts';
import { sendLoad } from '../infra/loadStream.ts';
import { readAllRaw } from '../infra/rawConsumer.ts';
import { TICK_HZ, WALLS } from '../plan.ts';
import { cpuSecondsOf } from '../infra/procCpu.ts';
import { cpuBetween, rateBetween, type CpuSample, type CpuUse } from '../throughput.ts';

const FROM_SHARE = 0.1;
const TO_SHARE = 0.9;
const POLL_MS = 200;
const READ_TIMEOUT_MS = 300_000;
/** The produced rate's nominal value: speed max ignores it, but it sets how many events. */
const PRODUCE_SECONDS = 60;

export interface IngestResult {
  events: number;
  /** The mean of the raw consumer's reads before and after the relay's. */
  rawRate: number | null;
  rawRates: (number | null)[];
  ingestRate: number | null;
  /** The shares of the events between which the relay's rate was taken. */
  relayWindow: [number, number];
  /** CPU per event and CPU share over the same windows (the raw consumer's first read): whether each reader was CPU-bound. */
  rawCpu: CpuUse | null;
  relayCpu: CpuUse | null;
  /** Messages the relay refused (none expected: the events are valid). */
  rejected: number;
}

/** The relay's consumed count (from /metrics) and CPU every POLL_MS until it has read `total`. */
async function followRelay(url: string, pid: number, total: number): Promise<CpuSample[]> {
  const samples: CpuSample[] = [];
  const deadline = Date.now() + READ_TIMEOUT_MS;
  for (;;) {
    const count = await metric(url, 'relay_events_consumed_total');
    samples.push({ at: Date.now(), count, cpuSeconds: cpuSecondsOf(pid) });
    if (count >= total) return samples;
    if (Date.now() > deadline) throw new Error(`the relay read ${count} of ${total} records in ${READ_TIMEOUT_MS / 1000} s`);
    await sleep(POLL_MS);
  }
}

export async function measureIngest(context: BenchContext, crowd: Crowd): Promise<IngestResult> {
  const { brokers, load, plan, say } = context;
  const prefix = await freshTopics(brokers, 'ingest');
  say(`ingest: producing ${plan.ingestEvents.toLocaleString('en')} events once`);
  const produced = await sendLoad(load, { prefix, rate: plan.ingestEvents / PRODUCE_SECONDS, seconds: PRODUCE_SECONDS, speed: 'max' });
  const events = produced.truth.events;
  const topics = topicNames(prefix);

  const readRaw = () => readAllRaw(brokers, SOURCES.map((source) => topics[source]), events, READ_TIMEOUT_MS);
  say('ingest: a raw kafkajs consumer reads them');
  const rawBefore = await readRaw();

  say(`ingest: our relay reads them into its state, ${WALLS} walls attached`);
  const relay = await spawnRelay({ brokers, prefix, tickHz: TICK_HZ });
  let relayRead: Omit<IngestResult, 'events' | 'rawRate' | 'rawRates' | 'rawCpu'>;
  try {
    const following = followRelay(relay.url, relay.child.pid!, events);
    // A rebuilding relay sends its walls no snapshot: they are attached once connected.
    await crowd.connect(relay.url, WALLS, 'relay', 'connected');
    const attachedAt = Date.now();
    const samples = await following;
    const attachedCount = samples.filter((sample) => sample.at <= attachedAt).pop()?.count ?? 0;
    const from = Math.max(FROM_SHARE, Math.ceil((attachedCount / events) * 100) / 100);
    if (from >= TO_SHARE) throw new Error(`the relay read ${Math.round(from * 100)} % before its walls were attached; raise the plan's ingest events`);
    relayRead = {
      ingestRate: rateBetween(samples, events, from, TO_SHARE),
      relayWindow: [from, TO_SHARE],
      relayCpu: cpuBetween(samples, events, from, TO_SHARE),
      rejected: await metric(relay.url, 'relay_events_rejected_total'),
    };
  } finally {
    await crowd.disconnect();
    await relay.kill('SIGTERM');
  }

  say('ingest: the raw consumer reads them again');
  const rawAfter = await readRaw();
  const rawRates = [rawBefore, rawAfter].map((samples) => rateBetween(samples, events, FROM_SHARE, TO_SHARE));
  return { events, rawRate: meanOf(rawRates), rawRates, rawCpu: cpuBetween(rawBefore, events, FROM_SHARE, TO_SHARE), ...relayRead };
}
