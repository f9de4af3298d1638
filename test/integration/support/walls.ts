// A wall as the relay sees one: a Socket.IO client on the websocket transport that keeps the
// view the real wall would (snapshot, then deltas through applyDelta; a gap → ask for a
// snapshot), notes when each message arrived, and can stop reading its socket to play a
// stalled screen.
import { io, type Socket } from 'socket.io-client';
import type { RelayToWallEvents, UpstreamStatus, WallToRelayEvents } from '../../../relay/broadcast/protocol.ts';
import { applyDelta, type Delta, type Snapshot } from '../../../relay/state/index.ts';

type WallSocket = Socket<RelayToWallEvents, WallToRelayEvents>;

interface PausableWebSocket {
  pause(): void;
  resume(): void;
}

export class TestWall {
  view: Snapshot | null = null;
  snapshots = 0;
  deltas = 0;
  gaps = 0;
  /** Arrival time (ms) of every snapshot and delta. */
  readonly arrivals: number[] = [];
  /** The relay's time (`at`) of every delta received. */
  readonly deltaTimes: number[] = [];
  /** The latest upstream status the relay told. */
  upstream: UpstreamStatus | null = null;
  /** Every upstream status told, with its arrival time (ms). */
  readonly upstreamChanges: { at: number; available: boolean }[] = [];
  /** Connections lost (the relay went away or closed this one). */
  disconnects = 0;
  private awaitingSnapshot = false;

  constructor(readonly socket: WallSocket) {
    socket.on('upstream', (status) => {
      this.upstream = status;
      this.upstreamChanges.push({ at: Date.now(), available: status.available });
    });
    socket.on('disconnect', () => this.disconnects++);
    socket.on('snapshot', (snapshot) => {
      this.arrivals.push(Date.now());
      this.snapshots++;
      this.view = snapshot;
      this.awaitingSnapshot = false;
    });
    socket.on('delta', (delta: Delta) => {
      this.arrivals.push(Date.now());
      this.deltaTimes.push(delta.at);
      this.deltas++;
      if (this.view === null || this.awaitingSnapshot) return;
      const next = applyDelta(this.view, delta);
      if (next !== null) {
        this.view = next;
        return;
      }
      this.gaps++;
      this.awaitingSnapshot = true;
      socket.emit('snapshot');
    });
  }

  /** Messages that arrived in [from, to). */
  messagesBetween(from: number, to: number): number {
    return this.arrivals.filter((t) => t >= from && t < to).length;
  }

  /** Deltas received that the relay sent in [from, to) — unaffected by this process being busy. */
  deltasSentBetween(from: number, to: number): number {
    return this.deltaTimes.filter((t) => t >= from && t < to).length;
  }

  /** The underlying `ws` WebSocket (engine.io-client's Node transport). */
  private get webSocket(): PausableWebSocket {
    const transport = (this.socket.io.engine as unknown as { transport: { ws: PausableWebSocket } }).transport;
    return transport.ws;
  }

  /** Stops reading from the socket: what arrives stays in the kernel's buffers. */
  stall(): void {
    this.webSocket.pause();
  }

  resume(): void {
    this.webSocket.resume();
  }

  close(): void {
    this.socket.close();
  }
}

export interface WallOptions {
  /** Reconnect by itself after losing the relay, as the real wall does (fast, for tests). */
  reconnect?: boolean;
}

function socketTo(url: string, token?: string, { reconnect = false }: WallOptions = {}): WallSocket {
  return io(url, {
    transports: ['websocket'],
    reconnection: reconnect,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    forceNew: true,
    ...(token === undefined ? {} : { auth: { token } }),
  });
}

/** A wall connected to the relay, once its first snapshot has arrived. */
export function connectWall(url: string, token?: string, options?: WallOptions): Promise<TestWall> {
  const wall = new TestWall(socketTo(url, token, options));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no snapshot from ${url} in 10 s`)), 10_000);
    wall.socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    wall.socket.once('snapshot', () => {
      clearTimeout(timer);
      resolve(wall);
    });
  });
}

/** The connect_error message a refused wall gets. */
export function refusal(url: string, token?: string): Promise<string> {
  const socket = socketTo(url, token);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('neither refused nor connected in 10 s')), 10_000);
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      socket.close();
      resolve(error.message);
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.close();
      reject(new Error('the wall was let in'));
    });
  });
}
