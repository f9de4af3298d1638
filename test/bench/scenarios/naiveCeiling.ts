// The naive relay's highest sustainable rate with the crowd attached, by a short search: at each
// rate the producer holds it for a step; the relay kept up if every wall had been shown every
// event of the step within KEPT_UP_MS of the step's last event being handed to Kafka. After a
// step it did not keep up with, its backlog is left to drain before the next. (When the producer
// takes longer than that to close, the walls are read once it has: the step records the grace.)
import { setTimeout as sleep } from 'node:timers/promises';
import { createCeilingSearch } from '../ceilingSearch.ts';
import type { BenchContext } from '../context.ts';
import { awaitDelivery } from '../crowd/awaitDelivery.ts';
import type { Crowd } from '../crowd/crowd.ts';
import { crowdTotals } from '../crowd/crowdProtocol.ts';
import { countedEvents, sendLoad } from '../infra/loadStream.ts';

export const KEPT_UP_MS = 500;
const START_RATE = 1_000;
const FLOOR_RATE = 50;
const CEILING_RATE = 64_000;
const RATE_STEP = 50;
const DRAIN_TIMEOUT_MS = 60_000;
const STILL_MS = 10_000;

export interface CeilingStep {
  rate: number;
  keptUp: boolean;
  /** Share of the step's events the least-served wall had been shown in time. */
  shownInTime: number;
  /** How long after the step's last event the walls were read, ms. */
  graceMs: number;
}

export interface Ceiling {
  /** Null when it kept up with no rate tried. */
  rate: number | null;
  steps: CeilingStep[];
}

export async function naiveCeiling(context: BenchContext, prefix: string, crowd: Crowd): Promise<Ceiling> {
  const { plan, say } = context;
  const search = createCeilingSearch({ start: START_RATE, bisections: plan.ceilingBisections, floor: FLOOR_RATE, ceiling: CEILING_RATE, step: RATE_STEP });
  const steps: CeilingStep[] = [];
  for (let rate = search.next(); rate !== null; rate = search.next()) {
    await crowd.mark();
    let lastSentAt = Date.now();
    const run = await sendLoad(context.load, { prefix, rate, seconds: plan.ceilingStepSeconds, onSent: (_, at) => (lastSentAt = at) });
    await sleep(Math.max(0, lastSentAt + KEPT_UP_MS - Date.now()));
    const sent = countedEvents(run.truth);
    const shown = crowdTotals(await crowd.read()).leastDelivered;
    const graceMs = Date.now() - lastSentAt;
    const keptUp = shown >= sent;
    steps.push({ rate, keptUp, shownInTime: sent > 0 ? shown / sent : 0, graceMs });
    say(`relays: naive relay at ${rate} events/s: ${keptUp ? 'kept up' : `fell behind (${Math.round((shown / Math.max(1, sent)) * 100)} % in time)`}`);
    search.record(rate, keptUp);
    if (!keptUp) {
      const drained = await awaitDelivery(crowd, { expected: sent, timeoutMs: DRAIN_TIMEOUT_MS, stillMs: STILL_MS });
      if (!drained.complete) break;
    }
  }
  return { rate: search.best(), steps };
}
