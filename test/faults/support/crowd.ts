// Abusive Socket.IO clients: a crowd that connects and sits there, clients that connect and drop
// at once over and over, and clients that send junk — events, binary, oversized frames and raw
// bytes that are not Socket.IO at all. Each only counts what happened; none of them reads what
// the relay sends beyond what socket.io-client parses. A crowd can come from many addresses
// (127.0.1.x: all of 127/8 is this machine), as from many PCs, each within the relay's limit of
// handshakes per address.
import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';

/** The n-th of the loopback addresses that stand for other PCs (127.0.1.1 onwards). */
export const pcAddress = (n: number) => `127.0.${1 + Math.floor(n / 250)}.${1 + (n % 250)}`;

const socketTo = (url: string, localAddress?: string): Socket =>
  io(url, { transports: ['websocket'], forceNew: true, reconnection: false, ...(localAddress ? { localAddress } : {}) } as Parameters<typeof io>[1]);

/** Resolves true once connected, false on a refusal or when nothing happens in `timeoutMs`. */
function connected(socket: Socket, timeoutMs = 20_000): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    socket.once('connect', () => (clearTimeout(timer), resolve(true)));
    socket.once('connect_error', () => (clearTimeout(timer), resolve(false)));
  });
}

export interface Crowd {
  /** The connections that were let in. */
  sockets: Socket[];
  /** Those refused (or not answered in time). */
  refused: number;
}

/** `count` connections opened all at once, spread over `pcs` addresses; 0 pcs: from 127.0.0.1. */
export async function openCrowd(url: string, count: number, pcs = 0): Promise<Crowd> {
  const sockets = Array.from({ length: count }, (_, i) => socketTo(url, pcs > 0 ? pcAddress(i % pcs) : undefined));
  const results = await Promise.all(sockets.map((socket) => connected(socket)));
  const open = sockets.filter((socket, i) => (results[i] ? true : (socket.close(), false)));
  return { sockets: open, refused: count - open.length };
}

/**
 * For `durationMs`, `concurrency` loops, each from an address of its own, connect and close again
 * at once; every fourth close comes before the handshake ends. Returns the connections tried.
 */
export async function churn(url: string, durationMs: number, concurrency: number): Promise<number> {
  const until = Date.now() + durationMs;
  let tried = 0;
  const loop = async (n: number) => {
    while (Date.now() < until) {
      const socket = socketTo(url, pcAddress(n));
      if (tried++ % 4 !== 0) await connected(socket, 5_000);
      socket.close();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, n) => loop(n)));
  return tried;
}

// What a hostile client sends: things the protocol allows but the relay does not expect.
const JUNK_EVENTS: [string, ...unknown[]][] = [
  ['delta', { seq: 1e9, prevSeq: 1e9 - 1, today: { totals: { sensor: 1e9 } } }],
  ['snapshot', { totals: { camera: -1 } }],
  ['applyEvent', { id: 'forged', kind: 'burglary', compoundId: 'SQ-C01', ts: 0 }],
  ['__proto__', { polluted: true }],
  ['constructor', 'prototype'],
  ['upstream', { available: false, lastContact: null }],
  ['x'.repeat(500)],
  ['binary', Buffer.alloc(512, 7)],
];

// Raw WebSocket frames under Socket.IO: broken packets of every type, and frames too big for it.
const RAW_FRAMES = ['42["snapshot"', '4', '9', '42[1,2,3]', '4{"a":', '42["snapshot",' + '['.repeat(300), '2probe', '\u0000\u0001\u0002', 'x'.repeat(2_000)];

interface RawTransport {
  transport: { ws?: { send(data: string): void } };
}

export interface JunkResult {
  sent: number;
  /** Clients the relay closed (for oversized frames, as it should). */
  cutOff: number;
}

/** `clients` clients each sending junk as fast as they can for `durationMs`. */
export async function sendJunk(url: string, clients: number, durationMs: number): Promise<JunkResult> {
  const until = Date.now() + durationMs;
  let sent = 0;
  let cutOff = 0;
  const client = async (n: number) => {
    while (Date.now() < until) {
      const socket = socketTo(url, pcAddress(n));
      if (!(await connected(socket, 5_000))) {
        socket.close();
        continue;
      }
      const gone = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
      for (let i = 0; socket.connected && Date.now() < until; i++) {
        if ((i + n) % 10 === 9) {
          const frame = RAW_FRAMES[i % RAW_FRAMES.length]!;
          (socket.io.engine as unknown as RawTransport).transport.ws?.send(frame);
        } else {
          const [event, ...args] = JUNK_EVENTS[i % JUNK_EVENTS.length]!;
          socket.emit(event, ...args);
        }
        sent++;
        // Now and then a turn for the event loop, so a close from the relay is noticed.
        if (i % 20 === 19) await sleep(5);
      }
      if (!socket.connected) cutOff++;
      socket.close();
      await Promise.race([gone, sleep(100)]);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  return { sent, cutOff };
}
