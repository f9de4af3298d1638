// What a stranger on the network can do to a relay with a WALL_TOKEN: read the public endpoints
// (docs/security.md lists them), and nothing else. Walls without the exact token are refused and
// get no data, and so are /metrics and /api/state without it as a bearer token; no HTTP method on
// any route, and no socket message from an admitted wall, changes the figures; every answer
// carries a Content-Security-Policy that forbids inline script.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UNAUTHORIZED } from '../../relay/protocol/events.ts';
import { EventProducer, eventOf, recordOf } from '../integration/support/events.ts';
import { bearer, getState, metric, spawnRelay, uniquePrefix, waitFor, type ChildRelay } from '../integration/support/relays.ts';
import { connectWall, refusal } from '../integration/support/walls.ts';

const brokers = inject('kafkaBrokers');
const prefix = uniquePrefix('fault-access');
const TOKEN = 'wall-token-shiquan-fault-0001';

/** Readable by anyone who reaches the port, token or not. */
const PUBLIC_ROUTES = ['/', '/index.html', '/assets/wall.js', '/healthz', '/readyz', '/api/wall-config'];
/** Readable with the token only, as `Authorization: Bearer`: 401 without it. */
const GUARDED_ROUTES = ['/metrics', '/api/state'];
/** Socket.IO's path, answered by engine.io before the app: walls use the websocket transport only. */
const SOCKET_POLLING = '/socket.io/?EIO=4&transport=polling';
/** Everything else a client might try. */
const OTHER_ROUTES = ['/api', '/api/state/totals', '/api/events', '/admin', SOCKET_POLLING, '/nonexistent'];
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
const FORGED_BODY = JSON.stringify({ totals: { sensor: 999_999 }, id: 'forged', ts: Date.now(), kind: 'burglary', compoundId: 'SQ-C01' });

/** An HTTP request with the path sent exactly as given (fetch would normalise `..`). */
function rawGet(url: string, path: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', reject);
    req.end();
  });
}

/** The figures a client could want to change, without the clock-driven parts. */
async function figures(url: string) {
  const { totals, byKind, rejected, open, compounds, feed } = await getState(url, TOKEN);
  return { totals, byKind, rejected, open, compounds, feed, consumed: await metric(url, 'relay_events_consumed_total', {}, TOKEN) };
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('a relay with a wall token, facing strangers', () => {
  let relay: ChildRelay;
  let wallDir: string;

  beforeAll(async () => {
    // A stand-in for the built wall: the relay's headers are what is under test, not the wall.
    wallDir = await mkdtemp(join(tmpdir(), 'shiquan-wall-'));
    await mkdir(join(wallDir, 'assets'));
    await writeFile(join(wallDir, 'index.html'), '<!doctype html><title>wall</title><script type="module" src="./assets/wall.js"></script>');
    await writeFile(join(wallDir, 'assets', 'wall.js'), 'document.title = "wall";');
    relay = await spawnRelay({ brokers, prefix, wallToken: TOKEN, wallDir, tickHz: 10 });
    await waitFor('the relay to be ready', async () => ((await fetch(`${relay.url}/readyz`)).ok ? true : undefined), 30_000);
    const producer = await EventProducer.connect(brokers);
    try {
      await producer.send([recordOf(prefix, eventOf('smoke')), recordOf(prefix, eventOf('theft', { note: 'real' }))]);
    } finally {
      await producer.close();
    }
    await waitFor('the events', async () => ((await getState(relay.url, TOKEN)).totals.alarm110 === 1 ? true : undefined));
  });

  afterAll(async () => {
    await relay?.kill('SIGTERM');
    await rm(wallDir, { recursive: true, force: true });
  });

  it('refuses walls without the exact token, and sends them nothing', async () => {
    const wrong = [undefined, '', 'wall-token-shiquan-fault-0002', `${TOKEN} `, TOKEN.toUpperCase(), TOKEN.slice(0, -1)];
    for (const token of wrong) expect(await refusal(relay.url, token)).toBe(UNAUTHORIZED);
    // A handshake too big to be a wall's is cut off before the token is even looked at.
    const huge = io(relay.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: 'x'.repeat(100_000) } });
    const hugeOutcome = await new Promise<string>((resolve) => {
      huge.once('connect', () => resolve('let in'));
      huge.once('connect_error', (error) => resolve(error.message));
      huge.io.engine.once('close', () => resolve('cut off'));
    });
    huge.close();
    expect(hugeOutcome).toBe('cut off');
    // The token anywhere but in the handshake's auth, or not a string, counts for nothing.
    const elsewhere = [
      io(relay.url, { transports: ['websocket'], forceNew: true, reconnection: false, query: { token: TOKEN } }),
      io(relay.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: bearer(TOKEN) }),
      io(relay.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: [TOKEN] } }),
      io(relay.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: { toString: TOKEN } } }),
    ];
    let data = 0;
    const outcomes = await Promise.all(
      elsewhere.map((socket) => {
        socket.onAny(() => data++);
        return new Promise<string>((resolve) => {
          socket.once('connect_error', (error) => resolve(error.message));
          socket.once('connect', () => resolve('let in'));
        });
      }),
    );
    for (const socket of elsewhere) socket.close();
    expect(outcomes).toEqual(elsewhere.map(() => UNAUTHORIZED));
    expect(data).toBe(0);
    expect(await metric(relay.url, 'relay_walls_refused_total', { reason: 'token' }, TOKEN)).toBe(wrong.length + elsewhere.length);
    expect(await metric(relay.url, 'relay_walls_connected', {}, TOKEN)).toBe(0);
  });

  it('changes nothing for any method on any route', async () => {
    const before = await figures(relay.url);
    const answers: string[] = [];
    for (const route of [...PUBLIC_ROUTES, ...GUARDED_ROUTES, ...OTHER_ROUTES]) {
      for (const method of WRITE_METHODS) {
        // With and without a body: a body is refused before any route (413), the rest find none.
        for (const body of [FORGED_BODY, undefined]) {
          const headers = { ...bearer(TOKEN), ...(body ? { 'content-type': 'application/json' } : {}) };
          const response = await fetch(`${relay.url}${route}`, { method, body, headers });
          await response.arrayBuffer();
          if (response.status < 400) answers.push(`${method} ${route} → ${response.status}`);
          if (body) expect(response.status, `${method} ${route}`).toBe(413);
        }
      }
      const options = await fetch(`${relay.url}${route}`, { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } });
      // No CORS: a page from another origin cannot read anything, let alone write.
      expect(options.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect(answers).toEqual([]);
    for (const path of ['/../package.json', '/..%2fpackage.json', '/assets/..%2f..%2fpackage.json', '/%2e%2e/relay/config.ts']) {
      expect(await rawGet(relay.url, path)).toBeGreaterThanOrEqual(400);
    }
    expect(await figures(relay.url)).toEqual(before);
  });

  it('answers the public routes to anyone, each with a CSP that forbids inline script', async () => {
    const polling = await fetch(`${relay.url}${SOCKET_POLLING}`);
    expect(polling.status).toBe(400);
    expect(polling.headers.get('content-type')).toMatch(/^application\/json/);
    await polling.arrayBuffer();
    for (const route of GUARDED_ROUTES) {
      const response = await fetch(`${relay.url}${route}`);
      expect(response.status, route).toBe(401);
      expect(await response.text(), route).toBe('{"error":"unauthorized"}');
    }
    for (const route of [...PUBLIC_ROUTES, ...GUARDED_ROUTES, ...OTHER_ROUTES.filter((r) => r !== SOCKET_POLLING)]) {
      const response = await fetch(`${relay.url}${route}`, { headers: bearer(TOKEN) });
      await response.arrayBuffer();
      const csp = directives(response.headers.get('content-security-policy') ?? '');
      const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
      expect(response.headers.get('x-content-type-options'), route).toBe('nosniff');
      expect(response.headers.get('x-powered-by'), route).toBeNull();
      expect(response.headers.get('server'), route).toBeNull();
      if (![...PUBLIC_ROUTES, ...GUARDED_ROUTES].includes(route)) {
        // Express's own error page narrows the policy to nothing at all.
        expect(response.status, route).toBeGreaterThanOrEqual(400);
        expect(scripts, route).toEqual(["'none'"]);
        continue;
      }
      expect(response.status, route).toBe(200);
      expect(scripts, route).toEqual(["'self'"]);
      expect(csp.get('default-src'), route).toEqual(["'self'"]);
      expect(csp.get('object-src'), route).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors'), route).toEqual(["'none'"]);
      expect(csp.get('base-uri'), route).toEqual(["'self'"]);
      expect([...csp.values()].flat().filter((value) => value === '*' || value.startsWith("'unsafe-eval"))).toEqual([]);
      expect(response.headers.get('referrer-policy'), route).toBe('no-referrer');
    }
  });

  it('lets an admitted wall ask for a snapshot and nothing more', async () => {
    const wall = await connectWall(relay.url, TOKEN);
    const before = await figures(relay.url);
    const ignoredBefore = await metric(relay.url, 'relay_wall_messages_ignored_total', {}, TOKEN);
    try {
      const attempts: [string, ...unknown[]][] = [
        ['delta', { seq: 1e9, prevSeq: wall.view!.seq, today: { totals: { sensor: 999_999 } } }],
        ['applyEvent', JSON.parse(FORGED_BODY)],
        ['event', JSON.parse(FORGED_BODY)],
        ['upstream', { available: false, lastContact: null }],
        ['rejected', { invalid_json: 1e6 }],
        ['config', { tickHz: 0.001, wallToken: null }],
        ['__proto__', { polluted: true }],
      ];
      for (const [event, ...args] of attempts) wall.socket.emit(event as 'snapshot', ...(args as []));
      await waitFor('the attempts to be ignored', async () =>
        (await metric(relay.url, 'relay_wall_messages_ignored_total', {}, TOKEN)) - ignoredBefore === attempts.length ? true : undefined,
      );
      await sleep(500);
      expect(await figures(relay.url)).toEqual(before);
      expect(wall.view?.totals).toEqual(before.totals);
      expect(wall.socket.connected).toBe(true);
      expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
    } finally {
      wall.close();
    }
  });
});
