// Profile tool (dev): our relay as a child process under `node --cpu-prof`, in one of two modes:
// live (PROFILE_WALLS walls, 50 unless told, PROFILE_RATE events/s, 5,000 unless told, for N s) or rebuild (N events produced first, then read from
// the start). Writes the .cpuprofile and prints CPU µs per event.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { SOURCES, topicNames } from '../../relay/contract/index.ts';
import { metric, spawnRelay } from '../integration/support/relays.ts';
import { startCrowd } from './crowd/crowd.ts';
import { awaitDelivery } from './crowd/awaitDelivery.ts';
import { freshTopics, openKafka } from './infra/kafka.ts';
import { countedEvents, openLoadSource, sendLoad } from './infra/loadStream.ts';
import { cpuSecondsOf } from './infra/procCpu.ts';
import { readAllRaw } from './infra/rawConsumer.ts';
import { setTimeout as sleep } from 'node:timers/promises';

const MODE = process.env.PROFILE_MODE ?? 'live';
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const EVENTS = Number(process.env.PROFILE_EVENTS ?? 200_000);
const OUT = process.env.PROFILE_OUT ?? '/tmp/relay-prof';
const PROFILE = process.env.PROFILE_CPU !== '0';
const WALLS = Number(process.env.PROFILE_WALLS ?? 50);
const RATE = Number(process.env.PROFILE_RATE ?? 5_000);
const say = (line: string) => process.stderr.write(`profile: ${line}\n`);

await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
const kafka = await openKafka(process.env);
const crowd = await startCrowd();
try {
  const load = await openLoadSource(kafka.brokers);
  const prefix = await freshTopics(kafka.brokers, 'relayprof');
  const extraArgs = (process.env.PROFILE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const nodeArgs = [...extraArgs, ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${OUT}`, `--cpu-prof-interval=${process.env.PROFILE_INTERVAL_US ?? 200}`] : [])];
  if (MODE === 'rebuild') {
    say(`producing ${EVENTS} events`);
    const produced = await sendLoad(load, { prefix, rate: EVENTS / 60, seconds: 60, speed: 'max' });
    const total = produced.truth.events;
    const topics = topicNames(prefix);
    const raw = await readAllRaw(kafka.brokers, SOURCES.map((source) => topics[source]), total, 300_000);
    const rawFirst = raw.find((s) => s.count >= total * 0.1)!;
    const rawLast = raw.find((s) => s.count >= total * 0.9)!;
    say(`raw: ${(((rawLast.count - rawFirst.count) / (rawLast.at - rawFirst.at)) * 1000).toFixed(0)} events/s, ${(((rawLast.cpuSeconds - rawFirst.cpuSeconds) * 1e6) / (rawLast.count - rawFirst.count)).toFixed(2)} µs/event`);
    const relay = await spawnRelay({ brokers: kafka.brokers, prefix, tickHz: 4, nodeArgs });
    await crowd.connect(relay.url, 50, 'relay', 'connected');
    let first: { at: number; count: number; cpu: number } | null = null;
    for (;;) {
      const count = await metric(relay.url, 'relay_events_consumed_total');
      const sample = { at: Date.now(), count, cpu: cpuSecondsOf(relay.child.pid!) };
      if (!first && count >= total * 0.1) first = sample;
      if (first && count >= total * 0.9) {
        say(`relay: ${(((count - first.count) / (sample.at - first.at)) * 1000).toFixed(0)} events/s, ${(((sample.cpu - first.cpu) * 1e6) / (count - first.count)).toFixed(2)} µs/event`);
        break;
      }
      await sleep(100);
    }
    await crowd.disconnect();
    await relay.kill('SIGTERM');
  } else {
    const relay = await spawnRelay({ brokers: kafka.brokers, prefix, tickHz: 4, nodeArgs });
    await crowd.connect(relay.url, WALLS, 'relay');
    await crowd.mark();
    const cpuBefore = cpuSecondsOf(relay.child.pid!);
    const startedAt = Date.now();
    say(`live: ${RATE} events/s for ${SECONDS} s`);
    const run = await sendLoad(load, { prefix, rate: RATE, seconds: SECONDS });
    const delivery = await awaitDelivery(crowd, { expected: countedEvents(run.truth), timeoutMs: 120_000, stillMs: 5_000 });
    const cpu = cpuSecondsOf(relay.child.pid!) - cpuBefore;
    say(`relay: ${((cpu * 1e6) / delivery.totals.meanDelivered).toFixed(1)} µs/event shown (${delivery.totals.meanDelivered} shown, complete ${delivery.complete}); ${(cpu * 1000).toFixed(0)} ms of CPU in ${((delivery.at - startedAt) / 1000).toFixed(1)} s`);
    await crowd.disconnect();
    await relay.kill('SIGTERM');
  }
  say(`profiles: ${(await readdir(OUT)).join(', ')}`);
} finally {
  await crowd.close();
  await kafka.stop();
}
process.exit(0);
