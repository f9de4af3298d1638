// The Kafka target's queue, without a broker: events go to their source's topic keyed by
// compound, in order, one request at a time and each small enough for the broker; a refused
// request fails the run at the next send or at close, which still disconnects.
import { describe, expect, it } from 'vitest';
import type { TopicMessages } from 'kafkajs';
import { topicNames, type Kind, type ProducerEvent } from '../../../relay/contract/index.ts';
import { producerTarget, type BatchProducer } from '../../../simulator/targets/kafka.ts';

const topics = topicNames('t');
const keyOf = (event: ProducerEvent) => event.compoundId ?? null;

function events(count: number, kind: Kind = 'face_access', from = 0): ProducerEvent[] {
  return Array.from({ length: count }, (_, i) => ({ id: `e${from + i}`, ts: 1_700_000_000_000, kind, compoundId: `SQ-C${(i % 80) + 1}` }));
}

/** Records requests; each resolves when the test releases it (or at once with `auto`). */
function fakeProducer(auto = true) {
  const requests: TopicMessages[][] = [];
  const waiting: (() => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let disconnected = false;
  let refuse: Error | null = null;
  const producer: BatchProducer = {
    sendBatch: ({ topicMessages }) => {
      requests.push(topicMessages);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return new Promise((resolve, reject) => {
        const settle = () => {
          inFlight--;
          if (refuse) reject(refuse);
          else resolve(undefined);
        };
        if (auto) setImmediate(settle);
        else waiting.push(settle);
      });
    },
    disconnect: async () => void (disconnected = true),
  };
  return {
    producer,
    requests,
    release: () => waiting.splice(0).forEach((settle) => settle()),
    refuseWith: (error: Error | null) => void (refuse = error),
    maxInFlight: () => maxInFlight,
    isDisconnected: () => disconnected,
  };
}

const ids = (requests: TopicMessages[][], topic: string) =>
  requests.flatMap((request) => request.filter((entry) => entry.topic === topic).flatMap((entry) => entry.messages.map((m) => JSON.parse(String(m.value)).id)));

describe('Kafka target', () => {
  it("sends each event's JSON to its source's topic, keyed by compound, in order", async () => {
    const fake = fakeProducer();
    const target = producerTarget(fake.producer, topics, keyOf, 'kafka');
    const sent = [...events(3, 'smoke'), ...events(2, 'face_access', 3), ...events(1, 'theft', 5)];
    await target.send(sent);
    await target.close();
    expect(ids(fake.requests, 't.sensor')).toEqual(['e0', 'e1', 'e2']);
    expect(ids(fake.requests, 't.camera')).toEqual(['e3', 'e4']);
    expect(ids(fake.requests, 't.alarm110')).toEqual(['e5']);
    const first = fake.requests[0]?.find((entry) => entry.topic === 't.sensor')?.messages[0];
    expect(first?.key).toBe('SQ-C1');
    expect(JSON.parse(String(first?.value))).toEqual(sent[0]);
    expect(target.timestamps).toBe('live');
    expect(fake.isDisconnected()).toBe(true);
  });

  it('keeps one request in flight, sends what queued meanwhile in bounded requests, and loses nothing', async () => {
    const fake = fakeProducer(false);
    const target = producerTarget(fake.producer, topics, keyOf, 'kafka');
    await target.send(events(10));
    for (let i = 1; i <= 20; i++) await target.send(events(500, 'face_access', i * 1000));
    let closed = false;
    const closing = target.close().then(() => (closed = true));
    while (!closed) {
      fake.release();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await closing;
    expect(fake.maxInFlight()).toBe(1);
    expect(fake.requests.length).toBeGreaterThan(3);
    // The first request took what was there; the rest were cut at the size limit.
    expect(fake.requests[0]?.[0]?.messages).toHaveLength(10);
    const bytes = fake.requests.map((request) => request.flatMap((e) => e.messages).reduce((n, m) => n + (m.value as Buffer).length, 0));
    expect(Math.max(...bytes)).toBeLessThanOrEqual(256 * 1024);
    const expected = ['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9'];
    for (let i = 1; i <= 20; i++) for (let j = 0; j < 500; j++) expected.push(`e${i * 1000 + j}`);
    expect(ids(fake.requests, 't.camera')).toEqual(expected);
  });

  it('holds the run loop back while the queue is full', async () => {
    const fake = fakeProducer(false);
    const target = producerTarget(fake.producer, topics, keyOf, 'kafka');
    let taken = false;
    const sending = target.send(events(60_000)).then(() => (taken = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(taken).toBe(false);
    while (!taken) {
      fake.release();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await sending;
    const closing = target.close();
    let closed = false;
    void closing.then(() => (closed = true));
    while (!closed) {
      fake.release();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(ids(fake.requests, 't.camera')).toHaveLength(60_000);
  });

  it('sends a request again while Kafka is away (a transient error), and reports the outage', async () => {
    const fake = fakeProducer();
    let clock = 1_000;
    const target = producerTarget(fake.producer, topics, keyOf, 'kafka', { now: () => clock, sleep: async () => void (clock += 1_000) });
    const down = Object.assign(new Error('Connection error: connect ECONNREFUSED'), { retriable: true });
    fake.refuseWith(Object.assign(new Error('Number of retries exceeded'), { retriable: false, cause: down }));
    const sending = target.send(events(10));
    while (fake.requests.length < 4) await new Promise((resolve) => setImmediate(resolve));
    fake.refuseWith(null);
    await sending;
    await target.close();
    // Every attempt carried the same events; the broker keeps one copy (the producer is idempotent).
    expect(new Set(fake.requests.map((request) => JSON.stringify(request))).size).toBe(1);
    expect(target.outages?.()).toEqual([{ from: 1_000, to: clock, error: 'Number of retries exceeded' }]);
    expect(clock).toBeGreaterThan(3_000);
  });

  it('fails the next send when Kafka refused a request, and still disconnects at close', async () => {
    const fake = fakeProducer();
    const target = producerTarget(fake.producer, topics, keyOf, 'kafka');
    fake.refuseWith(new Error('This server is not the leader for that topic-partition'));
    await target.send(events(5));
    await new Promise((resolve) => setImmediate(resolve));
    await expect(target.send(events(5))).rejects.toThrow('Kafka did not take a batch (This server is not the leader for that topic-partition)');
    await expect(target.close()).rejects.toThrow('Kafka did not take a batch');
    expect(fake.isDisconnected()).toBe(true);
  });
});
