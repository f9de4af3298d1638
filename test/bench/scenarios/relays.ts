// The relay scenarios, in one sequence that keeps each relay up for all of its measurements:
// the naive relay (fan-out cost, then its ceiling), then ours (fan-out cost, latency at 80 % of
// that ceiling, one stalled wall), each as a child process with the crowd of walls attached.
import { spawnRelay } from '../../integration/support/relays.ts';
import { waitUntilReady } from '../../../simulator/measure/relayHttp.ts';
import type { BenchContext } from '../context.ts';
import type { Crowd } from '../crowd/crowd.ts';
import { freshTopics } from '../infra/kafka.ts';
import { startNaiveRelay } from '../naive/naiveRelayProcess.ts';
import { CEILING_SHARE, HIGH_RATE, TICK_HZ, WALLS } from '../plan.ts';
import type { BenchResults } from '../results.ts';
import { feedRelay } from './feedRelay.ts';
import { measureLatency } from './latency.ts';
import { naiveCeiling } from './naiveCeiling.ts';
import { measureSlowClient } from './slowClient.ts';

const READY_TIMEOUT_MS = 60_000;

async function naiveSide(context: BenchContext, crowd: Crowd, results: BenchResults): Promise<void> {
  const { brokers, plan, say } = context;
  const prefix = await freshTopics(brokers, 'naive');
  const naive = await startNaiveRelay(brokers, prefix);
  try {
    await crowd.connect(naive.url, WALLS, 'naive');
    say(`relays: naive relay, ${WALLS} walls, ${HIGH_RATE} events/s for ${plan.fanoutSeconds} s`);
    results.naiveFeed = await feedRelay(context, { prefix, pid: naive.pid, crowd, rate: HIGH_RATE, seconds: plan.fanoutSeconds });
    say('relays: searching the naive relay\'s highest sustainable rate');
    results.ceiling = await naiveCeiling(context, prefix, crowd);
  } finally {
    await crowd.disconnect();
    await naive.stop();
  }
}

async function ourSide(context: BenchContext, crowd: Crowd, results: BenchResults): Promise<void> {
  const { brokers, plan, say } = context;
  const prefix = await freshTopics(brokers, 'ours');
  const relay = await spawnRelay({ brokers, prefix, tickHz: TICK_HZ });
  try {
    await waitUntilReady(relay.url, READY_TIMEOUT_MS);
    await crowd.connect(relay.url, WALLS, 'relay');
    say(`relays: our relay, ${WALLS} walls, ${HIGH_RATE} events/s for ${plan.fanoutSeconds} s`);
    results.oursFeed = await feedRelay(context, { prefix, pid: relay.child.pid!, crowd, rate: HIGH_RATE, seconds: plan.fanoutSeconds });
    const ceiling = results.ceiling?.rate;
    if (ceiling) {
      const rate = Math.round(ceiling * CEILING_SHARE);
      say(`relays: our latency at ${rate} events/s (${CEILING_SHARE * 100} % of the naive ceiling) for ${plan.latencySeconds} s`);
      results.latency = await measureLatency(context, { relayUrl: relay.url, prefix, rate, seconds: plan.latencySeconds });
    }
    results.slowClient = await measureSlowClient(context, relay.url, prefix);
  } finally {
    await crowd.disconnect();
    await relay.kill('SIGTERM');
  }
}

/** Our side runs even when the naive side failed (its figures then lack only their baseline). */
export async function measureRelays(context: BenchContext, crowd: Crowd, results: BenchResults): Promise<void> {
  const naive = await naiveSide(context, crowd, results).then(
    () => null,
    (error: unknown) => error,
  );
  await ourSide(context, crowd, results);
  if (naive !== null) throw naive;
}
