// Publishes time-stamped events on the embedded bus when they are due, as an upstream system
// would send them: everything already due at once (the day so far, in chunks that leave the
// event loop free between them, so HTTP and walls are answered meanwhile), then each event at
// its own time. `caughtUp` resolves once the relay has applied everything due at the start.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sourceOfKind, topicNames, type ProducerEvent } from '../contract/index.ts';
import { log } from '../log.ts';
import type { InProcessBus } from './inProcessBus.ts';

/** Big enough to amortise the bus's per-batch work, small enough to keep a turn short (~100 ms). */
const CHUNK = 5_000;

export interface DuePublisherOptions {
  bus: InProcessBus;
  topicPrefix: string;
  /** In time order; `ts` in epoch ms. */
  events: Iterator<ProducerEvent & { ts: number }>;
  now(): number;
  /** Resolves after `ms`, or rejects once `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface CaughtUp {
  /** Events published before the first one that was not yet due. */
  events: number;
  elapsedMs: number;
}

export interface DuePublisher {
  caughtUp: Promise<CaughtUp>;
  stop(): Promise<void>;
}

export function startDuePublisher({ bus, topicPrefix, events, now, sleep }: DuePublisherOptions): DuePublisher {
  const topics = topicNames(topicPrefix);
  const controller = new AbortController();
  const { signal } = controller;
  const startedAt = now();
  let markCaughtUp: (figures: CaughtUp) => void = () => undefined;
  const caughtUp = new Promise<CaughtUp>((resolve) => (markCaughtUp = resolve));

  let batch: ProducerEvent[] = [];
  let published = 0;
  let caught = false;

  /** Sends the batch; once the bus has delivered it (next turn), the relay has applied it. */
  const send = async () => {
    const bySource = new Map<string, string[]>();
    for (const event of batch) {
      const topic = topics[sourceOfKind(event.kind)];
      const values = bySource.get(topic) ?? [];
      values.push(JSON.stringify(event));
      bySource.set(topic, values);
    }
    for (const [topic, values] of bySource) bus.publish(topic, values);
    published += batch.length;
    batch = [];
    await nextTurn();
    signal.throwIfAborted();
  };

  /** Everything due is out: the first time, the relay has caught up with the start. */
  const sendAllDue = async () => {
    await send();
    if (caught) return;
    caught = true;
    markCaughtUp({ events: published, elapsedMs: now() - startedAt });
  };

  const run = async () => {
    for (let next = events.next(); !next.done; ) {
      const wait = next.value.ts - now();
      if (wait > 0) {
        await sendAllDue();
        await sleep(wait, signal);
        continue;
      }
      batch.push(next.value);
      if (batch.length >= CHUNK) await send();
      next = events.next();
    }
    await sendAllDue();
  };

  const running = run().catch((error: unknown) => {
    if (!signal.aborted) log.error({ err: error }, 'embedded demo stopped publishing');
  });
  return {
    caughtUp,
    async stop() {
      controller.abort();
      await running;
    },
  };
}
