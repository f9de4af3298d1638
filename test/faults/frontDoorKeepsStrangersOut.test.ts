// The relay's front door, tried as a hostile neighbour on the command centre's LAN would (issue
// #13): a page of another site opening the walls' websocket, a DNS-rebinding page, token guessing
// on one websocket and on many, bodies and headers trickled a byte a second, and /metrics read
// by anyone. Each must be kept out, slowed or cut short — and the relay's own wall let in.
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_PATH } from '../infra/chromium.ts';
import { ensurePrometheus, startPrometheus } from '../infra/prometheus.ts';
import { EventProducer, eventOf, recordOf } from '../integration/support/events.ts';
import { bearer, metric, spawnRelay, uniquePrefix, waitFor, type ChildRelay } from '../integration/support/relays.ts';
import { connectWall } from '../integration/support/walls.ts';
import { SOCKET_PATH, openGuessSocket, rawRequest, trickle, type GuessAnswer, type Trickle } from './support/rawClients.ts';

const brokers = inject('kafkaBrokers');
const prefix = uniquePrefix('fault-frontdoor');
const TOKEN = 'frontdoor-7c41e9b2d05a';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Guessers trying tokens on websockets of their own, all at once, for this long. */
const GUESSERS = 10;
const GUESS_MS = 4_000;

/** What a page in Chromium sees of a websocket to the relay: opened, messages, closed. */
interface PageSocket {
  opened: boolean;
  messages: string[];
  closed: boolean;
}

describe('the front door of a relay with a token', () => {
  let relay: ChildRelay;
  let wallDir: string;
  let port: number;
  // Started with the relay, so their seconds overlap the other tests.
  let trickles: Promise<{ body: Trickle; chunked: Trickle; headers: Trickle }>;

  beforeAll(async () => {
    wallDir = await mkdtemp(join(tmpdir(), 'shiquan-wall-'));
    await mkdir(join(wallDir, 'assets'));
    await writeFile(join(wallDir, 'index.html'), '<!doctype html><title>wall</title>');
    relay = await spawnRelay({ brokers, prefix, wallToken: TOKEN, wallDir, tickHz: 4, logLevel: 'warn' });
    port = Number(new URL(relay.url).port);
    const head = (method: string, extra = '') => `${method} /api/state HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extra}`;
    trickles = Promise.all([
      trickle(relay.url, head('POST', 'Content-Length: 300\r\n\r\n'), '{"totals":1}'),
      trickle(relay.url, head('POST', 'Transfer-Encoding: chunked\r\n\r\n'), '1\r\nx\r\n'),
      trickle(relay.url, head('GET', 'Authorization: Bearer '), TOKEN),
    ]).then(([body, chunked, headers]) => ({ body, chunked, headers }));
    await waitFor('the relay to be ready', async () => ((await fetch(`${relay.url}/readyz`)).ok ? true : undefined), 30_000);
    const producer = await EventProducer.connect(brokers);
    try {
      await producer.send([recordOf(prefix, eventOf('theft', { note: 'a note only walls may read' }))]);
    } finally {
      await producer.close();
    }
  });

  afterAll(async () => {
    await relay?.kill('SIGTERM');
    await rm(wallDir, { recursive: true, force: true });
  });

  it('answers 421 to a Host that is not one of its names, token or not', async () => {
    const evil = { host: `evil.example:${port}` };
    const answers: Record<string, number> = {};
    for (const path of ['/', '/healthz', '/readyz', '/metrics', '/api/state', '/api/wall-config']) {
      answers[path] = (await rawRequest(relay.url, path, { ...evil, ...bearer(TOKEN) })).status;
    }
    const state = await rawRequest(relay.url, '/api/state', evil);
    const rebound = await rawRequest(relay.url, SOCKET_PATH, { ...evil, origin: `http://evil.example:${port}` }, true);
    const own = await rawRequest(relay.url, '/api/state', { host: `localhost:${port}`, ...bearer(TOKEN) });
    console.log(`FAULTS front door, Host evil.example: ${JSON.stringify(answers)}, without token ${state.status}, websocket ${rebound.status}; Host localhost ${own.status}`);
    expect(Object.values(answers)).toEqual(Object.values(answers).map(() => 421));
    expect(state.status).toBe(421);
    expect(state.body).not.toContain('note');
    expect(state.headers).toMatchObject({ 'content-security-policy': "default-src 'none'", 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', connection: 'close' });
    expect(rebound.status).toBe(421);
    expect(own.status).toBe(200);
    expect(await metric(relay.url, 'relay_http_refused_total', { reason: 'host' }, TOKEN)).toBe(7);
    expect(await metric(relay.url, 'relay_walls_refused_total', { reason: 'host' }, TOKEN)).toBe(1);
  });

  it("refuses another site's websocket handshake (403) and lets its own in, in Chromium", async () => {
    // A page of another site, and the same site's name rebound to the relay's address.
    const evilSite: Server = createServer((_req, res) => res.end('<!doctype html><title>evil</title>'));
    await new Promise<void>((resolve) => evilSite.listen(0, '127.0.0.1', resolve));
    const evilPort = (evilSite.address() as AddressInfo).port;
    const browser: Browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--host-resolver-rules=MAP evil.example 127.0.0.1'],
    });
    const openSocket = ([target, token]: readonly [string, string]) => {
      const done = new Promise<PageSocket>((resolve) => {
        const seen: PageSocket = { opened: false, messages: [], closed: false };
        const socket = new WebSocket(target);
        socket.onopen = () => (seen.opened = true);
        socket.onmessage = (event) => {
          const text = String(event.data);
          seen.messages.push(text.slice(0, 12));
          // engine.io's open, then Socket.IO's connect with the token; done at the first figures.
          if (text.startsWith('0')) socket.send(`40${JSON.stringify({ token })}`);
          if (text.startsWith('42["snapshot"')) resolve(seen);
        };
        socket.onclose = () => resolve({ ...seen, closed: true });
      });
      return Promise.race([done, new Promise<PageSocket>((resolve) => setTimeout(() => resolve({ opened: false, messages: ['timeout'], closed: false }), 10_000))]);
    };
    try {
      const page = await browser.newPage();
      const target = `ws://127.0.0.1:${port}${SOCKET_PATH}`;
      await page.goto(`http://evil.example:${evilPort}/`);
      const fromEvil = await page.evaluate(openSocket, [target, TOKEN] as const);
      const readState = await page.evaluate((url) => fetch(url).then(() => 'read', (error: Error) => error.name), `http://127.0.0.1:${port}/api/state`);
      const rebound = await page.goto(`http://evil.example:${port}/`);
      await page.goto(`http://127.0.0.1:${port}/`);
      const fromOwn = await page.evaluate(openSocket, [target, TOKEN] as const);
      console.log(
        `FAULTS front door, Chromium: page of evil.example → websocket ${JSON.stringify(fromEvil)}, fetch /api/state ${readState}; ` +
          `rebound page ${rebound?.status()}; the relay's own page → ${JSON.stringify(fromOwn.messages)}`,
      );
      expect(fromEvil).toEqual({ opened: false, messages: [], closed: true });
      expect(readState).toBe('TypeError');
      expect(rebound?.status()).toBe(421);
      expect(fromOwn.opened).toBe(true);
      expect(fromOwn.messages.at(-1)).toBe('42["snapshot');
      // The same refusal below the browser, with its status.
      expect((await rawRequest(relay.url, SOCKET_PATH, { origin: 'http://evil.example' }, true)).status).toBe(403);
      expect((await rawRequest(relay.url, SOCKET_PATH, { origin: 'null' }, true)).status).toBe(403);
      // No Origin at all is not a browser: the handshake goes on (the token is asked next).
      expect((await rawRequest(relay.url, SOCKET_PATH, {}, true)).status).toBe(101);
      expect(await metric(relay.url, 'relay_walls_refused_total', { reason: 'origin' }, TOKEN)).toBe(3);
    } finally {
      await browser.close();
      evilSite.close();
    }
  });

  it('answers one token guess per websocket, closes it, and spaces the guesses of an address', async () => {
    // Many connect packets on one websocket: one guess is answered, then the websocket is closed.
    const single = await openGuessSocket(relay.url);
    const sentAt = Date.now();
    for (let i = 0; i < 50; i++) single.guess(`wrong-${i}-5f0c2e9a81`);
    await Promise.race([single.closed, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    const closedMs = Date.now() - sentAt;
    const checkedOnOne = single.answers.filter((a) => a === 'unauthorized').length;

    // Then guessers on websockets of their own, as fast as the relay answers.
    const answers: GuessAnswer[] = [];
    const until = Date.now() + GUESS_MS;
    const waits: number[] = [];
    const guesser = async (n: number) => {
      for (let i = 0; Date.now() < until; i++) {
        const socket = await openGuessSocket(relay.url);
        if (socket.answers[0] === 'no websocket') {
          answers.push('no websocket');
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        const asked = Date.now();
        socket.guess(`guess-${n}-${i}-5f0c2e9a81`);
        await Promise.race([socket.closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        answers.push(socket.answers[0] ?? 'closed unanswered');
        if (socket.answers[0] === 'unauthorized') waits.push(Date.now() - asked);
        socket.close();
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: GUESSERS }, (_, n) => guesser(n)));
    const seconds = (Date.now() - started) / 1000;
    const count = (answer: GuessAnswer) => answers.filter((a) => a === answer).length;
    const checked = count('unauthorized');

    // The right token still gets in from that address, after its turn.
    const knocked = Date.now();
    const wall = await connectWall(relay.url, TOKEN, { snapshot: false });
    const admittedMs = Date.now() - knocked;
    wall.close();

    const refusedLines = relay.logs().filter((line) => line.level === 40 && String(line.msg).startsWith('wall refused'));
    console.log(
      `FAULTS front door, token guessing: 50 connect packets on one websocket → ${checkedOnOne} checked, ` +
        `${single.answers.length - checkedOnOne} refused unchecked, closed after ${closedMs} ms; ` +
        `${GUESSERS} guessers on new websockets for ${seconds.toFixed(1)} s → ${checked} checked (${(checked / seconds).toFixed(2)}/s), ` +
        `${count('throttled')} refused unchecked, ${count('no websocket')} handshakes refused; answer after ${Math.min(...waits)}–${Math.max(...waits)} ms; ` +
        `the right token let in after ${admittedMs} ms; ${refusedLines.length} warn lines: ${JSON.stringify(refusedLines[0])}`,
    );
    expect(checkedOnOne).toBeLessThanOrEqual(1);
    expect(closedMs).toBeLessThan(2_000);
    // At most 2 checks a second after the first refusal, whatever the number of websockets.
    expect(checked).toBeGreaterThan(0);
    expect(checked / seconds).toBeLessThanOrEqual(3);
    expect(admittedMs).toBeLessThan(6_000);
    expect(refusedLines.length).toBeGreaterThan(0);
    expect(refusedLines[0]).toMatchObject({ address: '::ffff:127.0.0.1', refused: expect.any(Number) as number });
    const counted = await metric(relay.url, 'relay_walls_refused_total', { reason: 'token' }, TOKEN);
    expect(counted).toBe(checkedOnOne + checked);
    expect(await metric(relay.url, 'relay_walls_refused_total', { reason: 'throttled' }, TOKEN)).toBeGreaterThanOrEqual(count('throttled'));
  });

  it('refuses to start with a token shorter than 16 characters or an obvious one', async () => {
    const start = (token: string) =>
      new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'relay/main.ts'], {
          cwd: ROOT,
          env: { ...process.env, WALL_TOKEN: token, PORT: '', KAFKA_BROKERS: '' },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
        child.once('exit', (status) => resolve({ status, stderr }));
      });
    const [short, obvious] = await Promise.all([start('wall-9f3e1c-7a2'), start('changeme-changeme-1')]);
    expect(short).toEqual({ status: 2, stderr: 'relay: WALL_TOKEN (--wall-token) must be at least 16 characters\n' });
    expect(obvious).toEqual({ status: 2, stderr: 'relay: WALL_TOKEN (--wall-token) is too weak: it contains "changeme"\n' });
  });

  it('shows /metrics only with the token, and no versions at all', async () => {
    const without = await fetch(`${relay.url}/metrics`);
    const body = await without.text();
    const withToken = await (await fetch(`${relay.url}/metrics`, { headers: bearer(TOKEN) })).text();
    console.log(`FAULTS front door, /metrics: without the token ${without.status} (${body.trim()}); with it ${withToken.length} bytes, 'version' ${withToken.includes('version') ? 'present' : 'absent'}`);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toBe('Bearer realm="relay"');
    expect(body).not.toMatch(/version|v\d+\.\d+/);
    expect(withToken).toContain('relay_events_consumed_total');
    expect(withToken).not.toMatch(/version/i);
    expect(withToken).not.toContain(process.version);
  });

  it('is scraped by Prometheus with the token from a credentials file, and not without', async () => {
    ensurePrometheus();
    const tokenFile = join(wallDir, 'wall-token');
    await writeFile(tokenFile, `${TOKEN}\n`);
    const target = `static_configs: [{ targets: ['127.0.0.1:${port}'] }]`;
    const prometheus = await startPrometheus(
      [
        'global: { scrape_interval: 1s, scrape_timeout: 1s }',
        'scrape_configs:',
        `  - { job_name: credentials_file, authorization: { credentials_file: ${tokenFile} }, ${target} }`,
        `  - { job_name: bearer_token_file, bearer_token_file: ${tokenFile}, ${target} }`,
        `  - { job_name: stranger, ${target} }`,
      ].join('\n'),
    );
    try {
      interface Target {
        labels: { job: string };
        health: string;
        lastError: string;
      }
      const targets = await waitFor(
        'three scraped targets',
        async () => {
          const body = (await (await fetch(`${prometheus.url}/api/v1/targets`)).json()) as { data: { activeTargets: Target[] } };
          const scraped = body.data.activeTargets.filter((t) => t.health !== 'unknown');
          return scraped.length === 3 ? Object.fromEntries(scraped.map((t) => [t.labels.job, `${t.health}${t.lastError ? `: ${t.lastError}` : ''}`])) : undefined;
        },
        30_000,
      );
      const query = await (await fetch(`${prometheus.url}/api/v1/query?query=${encodeURIComponent('relay_events_consumed_total{job="credentials_file"}')}`)).json();
      console.log(`FAULTS front door, Prometheus 2.42 scraping /metrics: ${JSON.stringify(targets)}`);
      expect(targets).toEqual({ credentials_file: 'up', bearer_token_file: 'up', stranger: expect.stringMatching(/^down: .*401/) as string });
      expect((query as { data: { result: unknown[] } }).data.result.length).toBeGreaterThan(0);
    } finally {
      await prometheus.stop();
    }
  });

  it('serves /api/state with an ETag, and 304 to a request that names it', async () => {
    const first = await fetch(`${relay.url}/api/state`, { headers: bearer(TOKEN) });
    const etag = first.headers.get('etag')!;
    await first.arrayBuffer();
    const again = await fetch(`${relay.url}/api/state`, { headers: { ...bearer(TOKEN), 'if-none-match': etag } });
    // Within the same tick (250 ms) the view is the same; the relay may have ticked meanwhile.
    expect([304, 200]).toContain(again.status);
    if (again.status === 200) expect(again.headers.get('etag')).not.toBe(etag);
    await waitFor('the next tick', async () => {
      const later = await fetch(`${relay.url}/api/state`, { headers: { ...bearer(TOKEN), 'if-none-match': etag } });
      await later.arrayBuffer();
      return later.status === 200 ? true : undefined;
    });
  });

  it('closes a request with a body at once, and one whose headers trickle after 10 s', async () => {
    const { body, chunked, headers } = await trickles;
    console.log(
      `FAULTS front door, trickled bytes: a body → ${body.statusLine} and closed after ${body.heldMs} ms; chunked → ${chunked.statusLine} after ${chunked.heldMs} ms; ` +
        `headers → ${headers.statusLine} and closed after ${headers.heldMs} ms`,
    );
    expect(body.statusLine).toBe('HTTP/1.1 413 Payload Too Large');
    expect(body.heldMs).toBeLessThan(2_000);
    expect(chunked.statusLine).toBe('HTTP/1.1 413 Payload Too Large');
    expect(chunked.heldMs).toBeLessThan(2_000);
    expect(headers.statusLine).toBe('HTTP/1.1 408 Request Timeout');
    expect(headers.heldMs).toBeGreaterThanOrEqual(10_000);
    expect(headers.heldMs).toBeLessThan(12_000);
    expect(await metric(relay.url, 'relay_http_refused_total', { reason: 'body' }, TOKEN)).toBe(2);
  });
});
