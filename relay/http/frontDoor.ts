// The checks every request passes before the app or Socket.IO sees it, on the HTTP server itself
// (Socket.IO answers its own path before the app, so a check in the app would miss it):
// - a Host that is not one of the relay's names: 421, for plain requests and websocket handshakes;
// - a request body, on any route: 413 at once, without reading it, and the connection closed;
// - a websocket handshake from another site's page (Origin): 403;
// - websocket handshakes from one address faster than HANDSHAKE_RATE: 429.
// Refusals are counted by reason; they carry no data and a policy that allows nothing.
// The handshakes let through are taken up a few milliseconds' worth per turn of the event loop,
// so that a crowd connecting at once is served between two ticks, never in place of them.
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Duplex } from 'node:stream';
import type { RelayMetrics } from '../metrics.ts';
import type { AddressRate } from './addressRate.ts';
import { hostAllowed, originAllowed, type HostRules } from './allowedHosts.ts';

export interface FrontDoorOptions {
  hosts: HostRules;
  /** Handshakes per address; null: no limit. */
  handshakes: AddressRate | null;
  metrics: Pick<RelayMetrics, 'wallsRefused' | 'httpRefused'>;
}

const REFUSAL_HEADERS = {
  'Content-Type': 'text/plain; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'",
  Connection: 'close',
};

const REASONS = {
  host: { status: 421, text: "unknown host: not one of this relay's names (ALLOWED_HOSTS)" },
  body: { status: 413, text: 'no request body is accepted' },
  origin: { status: 403, text: 'origin not allowed (ALLOWED_ORIGINS)' },
  rate: { status: 429, text: 'too many connections from this address; try again in a second' },
  busy: { status: 503, text: 'too many connections at once; try again in a second' },
} as const;

/** Handshake work per turn of the event loop before the tick (and everything else) gets a turn. */
const HANDSHAKE_SLICE_MS = 5;
/** Handshakes waiting for their turn at most; more are refused (503). */
const MAX_QUEUED_HANDSHAKES = 5_000;

type Reason = keyof typeof REASONS;

/** Whether the request says it carries a body (any length but 0, or chunked). */
const hasBody = (req: IncomingMessage) =>
  req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

function refuseRequest(res: ServerResponse, reason: Reason) {
  const { status, text } = REASONS[reason];
  res.writeHead(status, REFUSAL_HEADERS).end(`${text}\n`);
}

function refuseUpgrade(socket: Duplex, reason: Reason) {
  const { status, text } = REASONS[reason];
  const body = `${text}\n`;
  const headers = Object.entries({ ...REFUSAL_HEADERS, 'Content-Length': Buffer.byteLength(body) }).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.on('error', () => undefined);
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers.join('')}\r\n${body}`);
}

/** Puts the checks in front of the server's current `request` and `upgrade` listeners. */
export function guardFrontDoor(server: Server, { hosts, handshakes, metrics }: FrontDoorOptions): void {
  const onRequest = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  const onUpgrade = server.listeners('upgrade') as ((req: IncomingMessage, socket: Duplex, head: Buffer) => void)[];
  server.removeAllListeners('request');
  server.removeAllListeners('upgrade');

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const refused: Reason | null = !hostAllowed(req.headers.host, hosts) ? 'host' : hasBody(req) ? 'body' : null;
    if (refused) {
      metrics.httpRefused.inc({ reason: refused });
      refuseRequest(res, refused);
      return;
    }
    for (const listener of onRequest) listener.call(server, req, res);
  });

  const queued: [IncomingMessage, Duplex, Buffer][] = [];
  let draining = false;
  const drain = () => {
    const until = performance.now() + HANDSHAKE_SLICE_MS;
    while (queued.length > 0 && performance.now() < until) {
      const [req, socket, head] = queued.shift()!;
      if (socket.destroyed) continue;
      for (const listener of onUpgrade) listener.call(server, req, socket, head);
    }
    draining = queued.length > 0;
    if (draining) setImmediate(drain);
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refused: Reason | null = !hostAllowed(req.headers.host, hosts)
      ? 'host'
      : !originAllowed(req.headers.origin, req.headers.host, hosts)
        ? 'origin'
        : handshakes && !handshakes.take(req.socket.remoteAddress ?? '')
          ? 'rate'
          : queued.length >= MAX_QUEUED_HANDSHAKES
            ? 'busy'
            : null;
    if (refused) {
      metrics.wallsRefused.inc({ reason: refused });
      refuseUpgrade(socket, refused);
      return;
    }
    queued.push([req, socket, head]);
    if (!draining) {
      draining = true;
      setImmediate(drain);
    }
  });
}
