// kafkajs 2.2.4 re-armed a timer with a negative delay on every idle connection, forever: a
// 1 kHz loop per broker connection, about 2 % of a core for an idle relay (kafkajs#1556).
// `patches/kafkajs+2.2.4.patch` (applied by `npm install`) stops it; these tests hold kafkajs's own
// request queue to that, and to still sending what throttling held back.
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface Queue {
  push(request: { entry: { correlationId: number; apiName: string; resolve(): void; reject(): void }; expectResponse: boolean; sendRequest(): void }): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  maybeThrottle(ms: number): void;
  destroy(): void;
}

const RequestQueue = createRequire(import.meta.url)('kafkajs/src/network/requestQueue/index.js') as new (options: object) => Queue;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function queue(): Queue {
  return new RequestQueue({ maxInFlightRequests: null, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'test', broker: 'localhost:9092', logger: quiet });
}

function request(correlationId: number, sent: number[]) {
  return { entry: { correlationId, apiName: 'Fetch', resolve() {}, reject() {} }, expectResponse: false, sendRequest: () => sent.push(correlationId) };
}

describe("kafkajs's request queue (patched)", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('arms no timer once a connection has nothing pending', () => {
    const q = queue();
    const sent: number[] = [];
    q.push({ ...request(1, sent), expectResponse: true });
    q.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
    expect(sent).toEqual([1]);
    // Unpatched, the answer leaves a 1 ms timer that re-arms itself on every run.
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(100);
    expect(vi.getTimerCount()).toBe(0);
    q.destroy();
  });

  it('still sends a request that throttling held back, once the throttle ends', () => {
    const q = queue();
    const sent: number[] = [];
    q.maybeThrottle(50);
    q.push(request(7, sent));
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(49);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(20);
    expect(sent).toEqual([7]);
    expect(vi.getTimerCount()).toBe(0);
    q.destroy();
  });
});
