// With WALL_TOKEN set, only a wall presenting it in the Socket.IO handshake is let in; and a
// wall that is let in can change nothing: all it may do is ask for a snapshot. /metrics and
// /api/state want it too, as a bearer token.
import { io } from 'socket.io-client';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UNAUTHORIZED } from '../../relay/protocol/events.ts';
import { EventProducer, eventOf, recordOf } from './support/events.ts';
import { getState, metric, startTestRelay, uniquePrefix, waitFor, type TestRelay } from './support/relays.ts';
import { connectWall, refusal } from './support/walls.ts';

const brokers = inject('kafkaBrokers');
const prefix = uniquePrefix('token');
const TOKEN = 'wall-token-shiquan-0001';

describe('a relay with a wall token', () => {
  let relay: TestRelay;
  let producer: EventProducer;

  beforeAll(async () => {
    producer = await EventProducer.connect(brokers);
    relay = await startTestRelay({ brokers, prefix, wallToken: TOKEN, tickHz: 10 });
    await relay.relay.caughtUp;
  });

  afterAll(async () => {
    await relay?.relay.close();
    await producer?.close();
  });

  it('refuses walls without the token or with a wrong one', async () => {
    expect(await refusal(relay.url)).toBe(UNAUTHORIZED);
    expect(await refusal(relay.url, 'wall-token-shiquan-0002')).toBe(UNAUTHORIZED);
    expect(await refusal(relay.url, '')).toBe(UNAUTHORIZED);
    expect(await metric(relay.url, 'relay_walls_refused_total', { reason: 'token' }, TOKEN)).toBe(3);
    expect(await metric(relay.url, 'relay_walls_connected', {}, TOKEN)).toBe(0);
  });

  it('wants the token as a bearer token on /metrics and /api/state, not on the probes', async () => {
    for (const path of ['/metrics', '/api/state']) {
      expect((await fetch(`${relay.url}${path}`)).status, path).toBe(401);
      expect((await fetch(`${relay.url}${path}`, { headers: { authorization: 'Bearer wall-token-shiquan-0002' } })).status, path).toBe(401);
      expect((await fetch(`${relay.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } })).status, path).toBe(200);
    }
    for (const path of ['/healthz', '/readyz']) expect((await fetch(`${relay.url}${path}`)).status, path).toBe(200);
  });

  it('lets a wall with the token in, with a snapshot and then deltas', async () => {
    const wall = await connectWall(relay.url, TOKEN);
    try {
      expect(wall.snapshots).toBe(1);
      await waitFor('a delta', () => (wall.deltas > 0 ? true : undefined));
    } finally {
      wall.close();
    }
  });

  it('ignores anything a wall sends but a snapshot request', async () => {
    await producer.send([recordOf(prefix, eventOf('smoke'))]);
    await waitFor('the smoke alarm', async () => ((await getState(relay.url, TOKEN)).byKind.smoke === 1 ? true : undefined));
    const wall = await connectWall(relay.url, TOKEN);
    const hostile = io(relay.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: TOKEN } });
    try {
      await new Promise<void>((resolve) => hostile.once('connect', () => resolve()));
      hostile.emit('delta', { seq: 99, prevSeq: 98, today: { totals: { sensor: 1000 } } });
      hostile.emit('applyEvent', { id: 'forged', ts: Date.now(), kind: 'burglary', compoundId: 'SQ-C01' });
      hostile.emit('snapshot', { totals: { sensor: 1000 } });
      hostile.emit('setToken', 'x');
      await waitFor('the ignored messages to be counted', async () =>
        (await metric(relay.url, 'relay_wall_messages_ignored_total', {}, TOKEN)) === 3 ? true : undefined,
      );
      await sleep(300);
      const state = await getState(relay.url, TOKEN);
      expect(state.totals).toEqual({ sensor: 1, camera: 0, alarm110: 0, grid: 0, hotline: 0 });
      expect(state.byKind.burglary).toBe(0);
      expect(wall.view?.totals).toEqual(state.totals);
      expect(hostile.connected).toBe(true);
    } finally {
      hostile.close();
      wall.close();
    }
  });

  it('cuts off a wall that sends more than a request could need', async () => {
    const hostile = io(relay.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: TOKEN } });
    try {
      await new Promise<void>((resolve) => hostile.once('connect', () => resolve()));
      const disconnected = new Promise<string>((resolve) => hostile.once('disconnect', resolve));
      hostile.emit('snapshot', 'x'.repeat(100_000));
      expect(await disconnected).toBe('transport close');
    } finally {
      hostile.close();
    }
  });
});
