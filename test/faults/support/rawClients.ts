// Clients below Socket.IO and fetch, to do what a hostile neighbour would: requests with any Host
// and Origin, bytes trickled one a second, and Socket.IO connect packets written straight onto an
// engine.io connection (so one websocket can carry many token guesses).
import { request } from 'node:http';
import { connect } from 'node:net';
import { Manager } from 'socket.io-client';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET (or websocket handshake, with `upgrade`) with the headers exactly as given. */
export function rawRequest(url: string, path: string, headers: Record<string, string>, upgrade = false): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  const handshake = upgrade
    ? { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' }
    : {};
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET', headers: { ...handshake, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.once('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
    });
    req.once('error', reject);
    req.end();
  });
}

export const SOCKET_PATH = '/socket.io/?EIO=4&transport=websocket';

export interface Trickle {
  /** The first line the relay answered, if any. */
  statusLine: string | null;
  /** From the first byte sent to the relay closing the connection. */
  heldMs: number;
}

/** Sends `head` at once, then one byte of `drip` a second until the relay closes the connection. */
export function trickle(url: string, head: string, drip: string, giveUpMs = 60_000): Promise<Trickle> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const started = Date.now();
    let answer = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const done = () => {
      clearInterval(timer);
      socket.destroy();
      resolve({ statusLine: answer ? answer.split('\r\n', 1)[0]! : null, heldMs: Date.now() - started });
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.once('close', done);
    socket.once('error', () => undefined);
    socket.once('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (Date.now() - started > giveUpMs) return done();
        if (socket.writable) socket.write(drip[sent++ % drip.length]!);
      }, 1_000);
    });
  });
}

export type GuessAnswer = 'accepted' | 'unauthorized' | 'throttled' | 'no websocket' | 'closed unanswered';

export interface GuessSocket {
  /** Writes a Socket.IO CONNECT packet with this token on the connection. */
  guess(token: string): void;
  /** The answers so far, in order. */
  readonly answers: GuessAnswer[];
  /** Resolves when the relay has closed the connection (or it never opened). */
  readonly closed: Promise<void>;
  close(): void;
}

/** An engine.io connection to the relay, without a Socket.IO socket: guesses are written raw. */
export function openGuessSocket(url: string, localAddress?: string): Promise<GuessSocket> {
  const manager = new Manager(url, {
    transports: ['websocket'],
    reconnection: false,
    autoConnect: false,
    ...(localAddress ? { localAddress } : {}),
  } as ConstructorParameters<typeof Manager>[1]);
  const answers: GuessAnswer[] = [];
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const socket: GuessSocket = {
    guess: (token) => void manager.engine.write(`0${JSON.stringify({ token })}`),
    answers,
    closed,
    close: () => void manager.engine?.close(),
  };
  return new Promise((resolve) => {
    manager.open((error) => {
      if (error) {
        answers.push('no websocket');
        markClosed();
        resolve(socket);
        return;
      }
      manager.engine.on('message', (data) => {
        const text = String(data);
        // Socket.IO packets: 0 CONNECT (let in), 4 CONNECT_ERROR with the reason.
        if (text.startsWith('0')) answers.push('accepted');
        else if (text.startsWith('4')) answers.push((JSON.parse(text.slice(1)) as { message: string }).message as GuessAnswer);
      });
      manager.engine.on('close', () => markClosed());
      resolve(socket);
    });
  });
}
