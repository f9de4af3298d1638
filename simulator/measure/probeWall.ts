// A probe wall: a Socket.IO client that behaves like a wall (websocket transport, the token in
// the handshake, a snapshot on connect, then one delta per tick; on a seq gap it asks for a new
// snapshot) and hands what it receives, with the arrival time, to its ProbeTracker.
import { io, type Socket } from 'socket.io-client';
import { UNAUTHORIZED, type RelayToWallEvents, type WallToRelayEvents } from '../../relay/broadcast/protocol.ts';
import type { ProbeTracker } from './probeTracker.ts';

type WallSocket = Socket<RelayToWallEvents, WallToRelayEvents>;

export interface ProbeWallOptions {
  relayUrl: string;
  token: string | null;
  tracker: ProbeTracker;
  timeoutMs: number;
  now?: () => number;
}

export interface ProbeWall {
  close(): void;
}

/** Resolves once the probe's first snapshot has arrived. */
export function connectProbe({ relayUrl, token, tracker, timeoutMs, now = Date.now }: ProbeWallOptions): Promise<ProbeWall> {
  const socket: WallSocket = io(relayUrl, {
    transports: ['websocket'],
    forceNew: true,
    // A real wall reconnects; the relay then sends it a snapshot, which the tracker resyncs from.
    reconnection: true,
    ...(token === null ? {} : { auth: { token } }),
  });
  socket.on('snapshot', (snapshot) => tracker.onSnapshot(snapshot, now()));
  socket.on('delta', (delta) => {
    if (tracker.onDelta(delta, now()) === 'gap') socket.emit('snapshot');
  });
  socket.on('disconnect', () => tracker.onDisconnect());
  const wall: ProbeWall = { close: () => void socket.close() };

  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      socket.close();
      reject(new Error(`probe wall ${tracker.probe} could not connect to ${relayUrl} (${why})`));
    };
    const timer = setTimeout(() => fail(`no snapshot in ${timeoutMs / 1000} s`), timeoutMs);
    socket.once('connect_error', (error) =>
      fail(error.message === UNAUTHORIZED ? 'unauthorized: check --wall-token' : error.message),
    );
    socket.once('snapshot', () => {
      clearTimeout(timer);
      socket.off('connect_error');
      resolve(wall);
    });
  });
}
