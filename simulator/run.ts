// The run loop: events from a generator or a file → paced by the timeline → (re-stamped for live
// targets) → counted in the ground truth → sent to the target in batches. Synchronous sources
// are drained without an await per event; the loop only yields to the event loop to send a
// batch or to wait for an event's due time.
import { parseEventTime, type ProducerEvent } from '../relay/contract/index.ts';
import { GroundTruthRecorder, type GroundTruth } from './groundTruth.ts';
import type { Outage, Target } from './targets/target.ts';
import { createTimeline, type Speed, type Timeline } from './timeline.ts';

/** Big enough to amortise a write, small enough to keep a paced run's events on time. */
const BATCH_SIZE = 2000;
/** Waits shorter than this are not worth a timer; the event goes a little early instead. */
const MIN_SLEEP_MS = 4;

export interface RunInput {
  events: Iterable<ProducerEvent> | AsyncIterable<ProducerEvent>;
  target: Target;
  speed: Speed;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Called as each batch is handed to the target, with the time: progress, rates, latency. */
  onSent?: (events: readonly ProducerEvent[], at: number) => void;
}

export interface RunResult {
  truth: GroundTruth;
  elapsedMs: number;
  /** Which clock the sent timestamps follow, for the summary and the report. */
  timestamps: Target['timestamps'];
  /** When the target did not take events (Kafka down) and the run waited. */
  outages: readonly Outage[];
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function timeOf(event: ProducerEvent): number {
  const ms = parseEventTime(event.ts);
  if (ms === null) throw new Error(`event ${event.id} has an unreadable ts ${JSON.stringify(event.ts)}`);
  return ms;
}

export async function runSimulation(input: RunInput): Promise<RunResult> {
  const { target, speed } = input;
  const now = input.now ?? Date.now;
  const sleep = input.sleep ?? defaultSleep;
  const live = target.timestamps === 'live';
  const needsTime = live || speed !== 'max';
  const truth = new GroundTruthRecorder();
  const startedAt = now();
  let timeline: Timeline | null = null;
  let batch: ProducerEvent[] = [];

  async function flush(): Promise<void> {
    if (batch.length === 0) return;
    const sending = batch;
    batch = [];
    input.onSent?.(sending, now());
    await target.send(sending);
  }

  /** Handles one event; returns a promise only when the loop has to wait. */
  function handle(event: ProducerEvent): Promise<void> | undefined {
    if (!needsTime) {
      truth.record(event);
      batch.push(event);
      return batch.length >= BATCH_SIZE ? flush() : undefined;
    }
    const historical = timeOf(event);
    timeline ??= createTimeline({ historicalStart: historical, wallStart: now(), speed });
    const wait = timeline.dueAt(historical) - now();
    const send = (): Promise<void> | undefined => {
      const out = live ? { ...event, ts: (timeline as Timeline).liveTime(historical, now()) } : event;
      truth.record(out);
      batch.push(out);
      return batch.length >= BATCH_SIZE ? flush() : undefined;
    };
    if (wait < MIN_SLEEP_MS) return send();
    return flush()
      .then(() => sleep(wait))
      .then(send);
  }

  if (Symbol.asyncIterator in input.events) {
    for await (const event of input.events) await handle(event);
  } else {
    for (const event of input.events) {
      const waiting = handle(event);
      if (waiting) await waiting;
    }
  }
  await flush();
  await target.close();
  return { truth: truth.snapshot(), elapsedMs: now() - startedAt, timestamps: target.timestamps, outages: target.outages?.() ?? [] };
}
