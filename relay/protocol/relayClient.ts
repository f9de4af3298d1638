// The one client of the wall ↔ relay protocol (events.ts), used by the wall, the simulator's probe
// walls and the tests: Socket.IO on the websocket transport, the token in the handshake; every
// snapshot and delta goes to a SnapshotSink (a SnapshotSync, or something wrapping one), and when
// the sink finds a gap in the sequence the client asks the relay for a snapshot. Socket.IO's
// manager reconnects by itself with exponential backoff and jitter after a lost transport; the
// wall's `rejoin` also retries the two cases it leaves alone: the relay closing the session, and
// the relay refusing the token (retried slowly, since only a change of the relay's configuration
// can cure it). Browser-safe: socket.io-client runs in Node and in the browser alike.
import { io, type Socket } from 'socket.io-client';
import { UNAUTHORIZED, type RelayToWallEvents, type UpstreamStatus, type WallToRelayEvents } from './events.ts';
import type { SnapshotSink } from './snapshotSync.ts';

export type WallSocket = Socket<RelayToWallEvents, WallToRelayEvents>;

/** The Socket.IO connection: trying, open, lost (retrying), or refused for its token. */
export type LinkStatus = 'connecting' | 'open' | 'closed' | 'refused';

export interface Backoff {
  delayMs: number;
  maxDelayMs: number;
  /** Jitter, 0–1 (Socket.IO's randomizationFactor). */
  randomization: number;
}

/** The wall's: quick at first, then up to 8 s, jittered so that many walls do not come back at once. */
export const WALL_BACKOFF: Backoff = { delayMs: 500, maxDelayMs: 8_000, randomization: 0.5 };
/** Socket.IO's own defaults. */
export const DEFAULT_BACKOFF: Backoff = { delayMs: 1_000, maxDelayMs: 5_000, randomization: 0.5 };
const REJOIN_AFTER_CLOSE_MS = 1_000;
const RETRY_REFUSED_MS = 30_000;

export interface RelayClientOptions {
  /** The relay's URL; omitted: the page's own origin (the wall). */
  url?: string;
  token: string | null;
  sink: SnapshotSink;
  /** Socket.IO's reconnection after a lost transport; false: a lost connection stays lost. */
  reconnect: Backoff | false;
  /** Also rejoin after the relay closed the session, and retry a refused token every 30 s. */
  rejoin?: boolean;
  status?(status: LinkStatus): void;
  upstream?(status: UpstreamStatus): void;
  /** The relay's heartbeat while it rebuilds today: no figures yet. */
  rebuilding?(): void;
  now?: () => number;
}

export interface RelayClient {
  readonly socket: WallSocket;
  askForSnapshot(): void;
  /** Resolves at the first `event`; rejects on a refused or failed connection, or after `timeoutMs`. */
  first(event: 'snapshot' | 'connect', timeoutMs: number): Promise<void>;
  close(): void;
}

export function connectRelay(options: RelayClientOptions): RelayClient {
  const { url, token, sink, reconnect, rejoin = false, now = Date.now } = options;
  const settings = {
    transports: ['websocket'],
    // Probes and tests open many clients to one relay from one process: each its own connection.
    forceNew: true,
    reconnection: reconnect !== false,
    ...(reconnect === false
      ? {}
      : {
          reconnectionAttempts: Infinity,
          reconnectionDelay: reconnect.delayMs,
          reconnectionDelayMax: reconnect.maxDelayMs,
          randomizationFactor: reconnect.randomization,
        }),
    ...(token === null ? {} : { auth: { token } }),
  };
  const socket: WallSocket = url === undefined ? io(settings) : io(url, settings);
  let retry: ReturnType<typeof setTimeout> | undefined;
  const retryAfter = (ms: number) => {
    clearTimeout(retry);
    retry = setTimeout(() => socket.connect(), ms);
  };

  socket.on('connect', () => options.status?.('open'));
  socket.on('snapshot', (snapshot) => sink.takeSnapshot(snapshot, now()));
  socket.on('delta', (delta) => {
    if (sink.takeDelta(delta, now())) socket.emit('snapshot');
  });
  socket.on('upstream', (status) => options.upstream?.(status));
  socket.on('rebuilding', () => options.rebuilding?.());
  socket.on('disconnect', (reason) => {
    options.status?.('closed');
    if (rejoin && reason === 'io server disconnect') retryAfter(REJOIN_AFTER_CLOSE_MS);
  });
  socket.on('connect_error', (error) => {
    const refused = error.message === UNAUTHORIZED;
    options.status?.(refused ? 'refused' : 'closed');
    // An inactive socket gets no automatic retry from the manager.
    if (rejoin && !socket.active) retryAfter(refused ? RETRY_REFUSED_MS : REJOIN_AFTER_CLOSE_MS);
  });

  return {
    socket,
    askForSnapshot: () => {
      socket.emit('snapshot');
    },
    first: (event, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const settle = (error?: Error) => {
          clearTimeout(timer);
          socket.off('connect_error', refused);
          socket.off(event, arrived);
          if (error) reject(error);
          else resolve();
        };
        const refused = (error: Error) => settle(error);
        const arrived = () => settle();
        const timer = setTimeout(() => settle(new Error(`no ${event} in ${timeoutMs / 1000} s`)), timeoutMs);
        socket.once('connect_error', refused);
        socket.once(event, arrived);
      }),
    close: () => {
      clearTimeout(retry);
      socket.close();
    },
  };
}
