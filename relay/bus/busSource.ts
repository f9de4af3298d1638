// The embedded bus as the relay's event source and dead-letter sink. The bus keeps no history,
// so there is nothing to rebuild: the relay is caught up from the start.
import type { DeadLetterSink } from '../ingest/deadLetter.ts';
import type { RecordSource } from '../ingest/record.ts';
import type { RelayMetrics } from '../metrics.ts';
import type { InProcessBus } from './inProcessBus.ts';

export function createBusSource(bus: InProcessBus, topics: readonly string[], now: () => number = Date.now): RecordSource {
  let unsubscribe: () => void = () => undefined;
  return {
    caughtUp: Promise.resolve(),
    // In-process: always within reach.
    lastContact: now,
    // Every message on the bus is whole: nothing is ever skipped.
    async start({ records }) {
      unsubscribe = bus.subscribe(topics, records);
    },
    async stop() {
      unsubscribe();
    },
  };
}

export function createBusDeadLetters(
  bus: InProcessBus,
  topic: string,
  metrics: Pick<RelayMetrics, 'deadLettered'>,
): DeadLetterSink {
  return {
    write(letters) {
      bus.publish(topic, letters.map((letter) => letter.value));
      metrics.deadLettered.inc(letters.length);
    },
    close: async () => undefined,
  };
}
