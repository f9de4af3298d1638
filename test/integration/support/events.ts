// Upstream traffic for integration tests: contract events as a producer would send them, and a
// producer that holds a steady rate for a while (the relay's load), with acks from the broker.
import { Kafka, Partitioners, logLevel, type Producer } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { isFollowUp, sourceOfKind, topicNames, type Kind, type ProducerEvent } from '../../../relay/contract/index.ts';
import { parseBrokers } from '../../infra/kafkaAdmin.ts';
import type { OutgoingRecord } from '../../infra/kafkaRecords.ts';

export const COMPOUNDS = Array.from({ length: 80 }, (_, i) => `SQ-C${String(i + 1).padStart(2, '0')}`);

let serial = 0;

/** A valid event of a kind, a second old, in a compound of the pack (the first unless told). */
export function eventOf(kind: Kind, fields: Partial<ProducerEvent> = {}): ProducerEvent {
  return { id: `it-${process.pid}-${++serial}`, ts: Date.now() - 1_000, kind, compoundId: COMPOUNDS[0]!, ...fields };
}

/** The record an upstream system would produce: on its source's topic, keyed by compound. */
export function recordOf(prefix: string, event: ProducerEvent, timestamp?: number): OutgoingRecord & { timestamp?: string } {
  return {
    topic: topicNames(prefix)[sourceOfKind(event.kind)],
    key: event.compoundId ?? null,
    value: JSON.stringify(event),
    ...(timestamp === undefined ? {} : { timestamp: String(timestamp) }),
  };
}

/** Counts per kind of a list of events that are not follow-ups (closes, case steps), as the relay counts them. */
export function countByKind(events: readonly ProducerEvent[]): Partial<Record<Kind, number>> {
  const counts: Partial<Record<Kind, number>> = {};
  for (const event of events) if (!isFollowUp(event)) counts[event.kind] = (counts[event.kind] ?? 0) + 1;
  return counts;
}

export class EventProducer {
  private constructor(private readonly producer: Producer) {}

  static async connect(brokers: string): Promise<EventProducer> {
    const kafka = new Kafka({ clientId: 'shiquan-it-producer', brokers: parseBrokers(brokers), logLevel: logLevel.ERROR });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return new EventProducer(producer);
  }

  /** Sends the records (tombstones and raw bytes included) and waits for every ack. */
  async send(records: readonly (OutgoingRecord & { timestamp?: string })[]): Promise<void> {
    const topics = [...new Set(records.map((r) => r.topic))];
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: topics.map((topic) => ({
        topic,
        messages: records
          .filter((r) => r.topic === topic)
          .map(({ key, value, timestamp }) => ({ key: key ?? null, value, ...(timestamp ? { timestamp } : {}) })),
      })),
    });
  }

  /**
   * Holds `perSecond` events a second for `durationMs`, sending every 50 ms what is due; returns
   * how many were sent. Events come from `make`.
   */
  async hold(prefix: string, perSecond: number, durationMs: number, make: (n: number) => ProducerEvent): Promise<number> {
    const started = Date.now();
    let sent = 0;
    for (;;) {
      const elapsed = Math.min(Date.now() - started, durationMs);
      const due = Math.floor((perSecond * elapsed) / 1000) - sent;
      if (due > 0) {
        const batch = Array.from({ length: due }, (_, i) => recordOf(prefix, make(sent + i)));
        await this.send(batch);
        sent += due;
      }
      if (elapsed >= durationMs) return sent;
      await sleep(50);
    }
  }

  close(): Promise<void> {
    return this.producer.disconnect();
  }
}
