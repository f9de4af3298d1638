// A producer that holds a rate through broker outages, as a well-behaved upstream system does:
// a batch the broker did not acknowledge is sent again (same events, same ids) until it is, and
// the events that fell due meanwhile follow at once. So the acknowledged events are the ground
// truth the relay must end up with exactly; a batch written but not acknowledged before an
// outage reaches Kafka twice, which the relay must count once.
import { Kafka, Partitioners, logLevel, type Producer } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProducerEvent } from '../../../relay/contract/index.ts';
import { parseBrokers } from '../../infra/kafkaAdmin.ts';
import { recordOf } from '../../integration/support/events.ts';

const TICK_MS = 50;
const RETRY_MS = 250;
// Per produce request: keeps each request well under the broker's message size limit.
const MAX_BATCH = 2_000;

export interface HoldResult {
  /** Every event the broker acknowledged, in the order made. */
  acked: ProducerEvent[];
  /** Produce requests that failed and were sent again. */
  failedSends: number;
  /** The longest time an event waited for its acknowledgement. */
  longestWaitMs: number;
}

export class SteadyProducer {
  private producer: Producer | null = null;

  private constructor(private readonly kafka: Kafka) {}

  static create(brokers: string): SteadyProducer {
    // Silent and quick to give up: this class does the retrying, so an outage is seen at once.
    const kafka = new Kafka({
      clientId: 'shiquan-faults-producer',
      brokers: parseBrokers(brokers),
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1_000,
      requestTimeout: 5_000,
      retry: { retries: 1, initialRetryTime: 100 },
    });
    return new SteadyProducer(kafka);
  }

  /** Sends the events; on any failure starts over with a fresh connection. Resolves once acknowledged. */
  private async sendUntilAcked(prefix: string, events: readonly ProducerEvent[]): Promise<number> {
    let failures = 0;
    for (;;) {
      try {
        if (!this.producer) {
          const producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
          await producer.connect();
          this.producer = producer;
        }
        const records = events.map((event) => recordOf(prefix, event));
        const topics = [...new Set(records.map((record) => record.topic))];
        await this.producer.sendBatch({
          acks: -1,
          topicMessages: topics.map((topic) => ({
            topic,
            messages: records.filter((r) => r.topic === topic).map(({ key, value }) => ({ key: key ?? null, value })),
          })),
        });
        return failures;
      } catch {
        failures++;
        const broken = this.producer;
        this.producer = null;
        await broken?.disconnect().catch(() => undefined);
        await sleep(RETRY_MS);
      }
    }
  }

  /**
   * Makes `perSecond` events a second for `durationMs` with `make(n)`, sending what is due every
   * 50 ms, and resolves once every one of them is acknowledged (after the end, if the broker is
   * down then).
   */
  async hold(prefix: string, perSecond: number, durationMs: number, make: (n: number) => ProducerEvent): Promise<HoldResult> {
    const started = Date.now();
    const made: { event: ProducerEvent; at: number }[] = [];
    const acked: ProducerEvent[] = [];
    let failedSends = 0;
    let longestWaitMs = 0;
    for (;;) {
      const elapsed = Math.min(Date.now() - started, durationMs);
      const due = Math.floor((perSecond * elapsed) / 1000) - (acked.length + made.length);
      for (let i = 0; i < due; i++) made.push({ event: make(acked.length + made.length), at: Date.now() });
      if (made.length > 0) {
        const batch = made.slice(0, MAX_BATCH);
        failedSends += await this.sendUntilAcked(prefix, batch.map((m) => m.event));
        made.splice(0, batch.length);
        const now = Date.now();
        for (const { event, at } of batch) {
          acked.push(event);
          longestWaitMs = Math.max(longestWaitMs, now - at);
        }
      }
      if (elapsed >= durationMs && made.length === 0) return { acked, failedSends, longestWaitMs };
      await sleep(TICK_MS);
    }
  }

  async close(): Promise<void> {
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = null;
  }
}
