// The embedded demo's stand-in for Kafka: topics in one process, no storage. Published values
// are delivered to subscribers in batches on the next turn of the event loop, with offsets and a
// timestamp, as a consumer would get them — so the relay's ingest cannot tell the difference.
import type { IngestRecord, RecordHandler } from '../ingest/record.ts';

export interface InProcessBus {
  /** Queues values on a topic; subscribers get them on the next turn of the event loop. */
  publish(topic: string, values: readonly string[]): void;
  /** Returns the unsubscribe function. */
  subscribe(topics: readonly string[], handler: RecordHandler): () => void;
}

interface Subscription {
  topics: ReadonlySet<string>;
  handler: RecordHandler;
}

export function createInProcessBus(now: () => number = Date.now): InProcessBus {
  const subscriptions = new Set<Subscription>();
  const nextOffset = new Map<string, number>();
  let pending: IngestRecord[] = [];
  let scheduled = false;

  const deliver = () => {
    scheduled = false;
    const records = pending;
    pending = [];
    for (const { topics, handler } of subscriptions) {
      const mine = records.filter((record) => topics.has(record.topic));
      if (mine.length > 0) handler(mine);
    }
  };

  return {
    publish(topic, values) {
      const timestamp = now();
      let offset = nextOffset.get(topic) ?? 0;
      for (const value of values) pending.push({ topic, partition: 0, offset: String(offset++), timestamp, value });
      nextOffset.set(topic, offset);
      if (!scheduled && pending.length > 0) {
        scheduled = true;
        setImmediate(deliver);
      }
    },
    subscribe(topics, handler) {
      const subscription = { topics: new Set(topics), handler };
      subscriptions.add(subscription);
      return () => subscriptions.delete(subscription);
    },
  };
}
