// A wall as the relay sees one: the relay's own client (relay/protocol/relayClient.ts) keeping
// the snapshot the real wall would (a SnapshotSync: snapshot, then deltas through applyDelta; a
// gap → ask for a snapshot), noting when each message arrived, and able to stop reading its
// socket to play a stalled screen.
import type { UpstreamStatus } from '../../../relay/protocol/events.ts';
import { connectRelay, type RelayClient, type WallSocket } from '../../../relay/protocol/relayClient.ts';
import type { Delta, Snapshot } from '../../../relay/protocol/snapshot.ts';
import { SnapshotSync, type SnapshotSink } from '../../../relay/protocol/snapshotSync.ts';

interface PausableWebSocket {
  pause(): void;
  resume(): void;
}

export class TestWall implements SnapshotSink {
  private readonly sync = new SnapshotSync();
  snapshots = 0;
  deltas = 0;
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
  /** Arrival times (ms) of the relay's heartbeats while it rebuilt (no figures then). */
  readonly rebuildingBeats: number[] = [];
  readonly client: RelayClient;

  constructor(url: string, token: string | undefined, { reconnect = false }: WallOptions) {
    this.client = connectRelay({
      url,
      token: token ?? null,
      sink: this,
      reconnect: reconnect && { delayMs: 100, maxDelayMs: 500, randomization: 0.5 },
      upstream: (status) => {
        this.upstream = status;
        this.upstreamChanges.push({ at: Date.now(), available: status.available });
      },
      rebuilding: () => this.rebuildingBeats.push(Date.now()),
    });
    this.socket.on('disconnect', () => this.disconnects++);
  }

  get socket(): WallSocket {
    return this.client.socket;
  }

  /** The relay's figures as this wall holds them. */
  get view(): Snapshot | null {
    return this.sync.snapshot;
  }

  /** Gaps found in the sequence of deltas (each asked for a snapshot). */
  get gaps(): number {
    return this.sync.stats.gaps;
  }

  takeSnapshot(snapshot: Snapshot): void {
    this.arrivals.push(Date.now());
    this.snapshots++;
    this.sync.takeSnapshot(snapshot);
  }

  takeDelta(delta: Delta, now: number): boolean {
    this.arrivals.push(Date.now());
    this.deltaTimes.push(delta.at);
    this.deltas++;
    return this.sync.takeDelta(delta, now);
  }

  /** Messages that arrived in [from, to). */
  messagesBetween(from: number, to: number): number {
    return this.arrivals.filter((t) => t >= from && t < to).length;
  }

  /** Deltas received that the relay sent in [from, to) — unaffected by this process being busy. */
  deltasSentBetween(from: number, to: number): number {
    return this.deltaTimes.filter((t) => t >= from && t < to).length;
  }

  /** The underlying `ws` WebSocket (engine.io-client's Node transport); null once it closed. */
  private get webSocket(): PausableWebSocket | null {
    const transport = (this.socket.io.engine as unknown as { transport: { ws: PausableWebSocket | null } }).transport;
    return transport.ws;
  }

  /** Stops reading from the socket: what arrives stays in the kernel's buffers. */
  stall(): void {
    this.webSocket?.pause();
  }

  /**
   * Reads again. A wall stalled for longer than the relay's ping timeout (up to 45 s) has been
   * dropped meanwhile: one that reconnects gets a snapshot again.
   */
  resume(): void {
    this.webSocket?.resume();
  }

  close(): void {
    this.client.close();
  }
}

export interface WallOptions {
  /** Reconnect by itself after losing the relay, as the real wall does (fast, for tests). */
  reconnect?: boolean;
}

export interface ConnectOptions extends WallOptions {
  /** Resolve once connected, without waiting for a snapshot (a relay still rebuilding sends none). */
  snapshot?: boolean;
}

/** A wall connected to the relay, once its first snapshot has arrived (or once connected). */
export function connectWall(url: string, token?: string, { snapshot = true, ...options }: ConnectOptions = {}): Promise<TestWall> {
  const wall = new TestWall(url, token, options);
  return wall.client.first(snapshot ? 'snapshot' : 'connect', 10_000).then(
    () => wall,
    (error: unknown) => {
      wall.close();
      throw error;
    },
  );
}

/** The connect_error message a refused wall gets. */
export function refusal(url: string, token?: string): Promise<string> {
  const { socket } = connectRelay({ url, token: token ?? null, sink: new SnapshotSync(), reconnect: false });
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
