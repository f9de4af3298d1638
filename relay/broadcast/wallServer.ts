// Walls over Socket.IO on the relay's HTTP server. A wall that connects (or asks for a resync)
// waits in a room for the next tick, which sends the tick's snapshot to the waiting walls in one
// broadcast — encoded once, whatever the number of walls (at most 250 a tick: in a crowd, the rest
// at the next ticks) — and the tick's delta to the others. So a crowd of connections costs one
// snapshot per tick, and one that closes before the tick costs none. Until the relay has rebuilt today from Kafka, ticks send no figures at all, only a
// `rebuilding` heartbeat: walls keep what they show and say so.
//
// A wall whose connection is still busy with earlier data (it stopped reading, or its network is
// slow) is skipped for that tick — its data waits in the kernel's socket buffers, never in the
// relay's memory — and resyncs by snapshot once it reads again.
//
// With a token, each websocket gets one try: a refused connect closes it. After a refusal, the
// address's next tries wait their turn (guessGate.ts), are counted by reason and logged.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { log } from '../log.ts';
import type { RelayMetrics } from '../metrics.ts';
import type { Delta, Snapshot } from '../state/index.ts';
import type { GuessGate } from './guessGate.ts';
import { THROTTLED, UNAUTHORIZED, type RelayToWallEvents, type UpstreamStatus, type WallToRelayEvents } from '../protocol/events.ts';
import { createTokenCheck } from './wallAuth.ts';

export interface WallServerOptions {
  httpServer: HttpServer;
  /** null: walls connect without a token. */
  token: string | null;
  /** Spaces the token checks of an address that has been refused. */
  guesses: GuessGate;
  /** Whether the relay hears from upstream now, told to each wall on connect. */
  upstream(): UpstreamStatus;
  metrics: Pick<
    RelayMetrics,
    'walls' | 'wallMessagesIgnored' | 'wallsRefused' | 'deltasSkipped' | 'snapshotsSent' | 'snapshotsEncoded' | 'wallBufferedBytes'
  >;
}

export interface Tick {
  delta: Delta;
  /** The view as of this delta: what a wall holds once it has applied it. */
  view: Snapshot;
  /** False while the relay rebuilds today from Kafka: walls get no figures. */
  ready: boolean;
}

export interface WallServer {
  /** One tick to every free wall: the snapshot to those waiting for one, the delta to the rest. */
  send(tick: Tick): void;
  /** A change of the upstream's status, to every wall. */
  sendUpstream(status: UpstreamStatus): void;
  close(): Promise<void>;
}

type Wall = Socket<WallToRelayEvents, RelayToWallEvents>;

// Walls send only a snapshot request; a bigger frame is not a wall talking.
const MAX_WALL_MESSAGE_BYTES = 1_024;
/** The room of walls that get a snapshot at the next tick instead of its delta. */
const WAITING = 'waiting-for-snapshot';
/**
 * Walls sent a snapshot in one tick at most (~35 KB each, written in one go): in a crowd that
 * connects at once, the rest get theirs at the following ticks.
 */
const MAX_SNAPSHOTS_PER_TICK = 250;

/** Whether the wall's connection has handed all earlier data to the kernel. */
const isFree = (wall: Wall) => wall.conn.transport.writable;

/** Bytes the relay itself still holds for the wall: written but not yet taken by the kernel. */
const bufferedBytes = (wall: Wall) => wall.conn.request.socket?.writableLength ?? 0;

function guardWithToken(io: Server<WallToRelayEvents, RelayToWallEvents>, token: string, guesses: GuessGate, metrics: WallServerOptions['metrics']) {
  const tokenAccepted = createTokenCheck(token);
  // Engine connections that have carried a connect already: one try per websocket.
  const tried = new WeakSet<object>();
  io.use((wall, next) => {
    const { address } = wall.handshake;
    const conn = wall.conn;
    const refuse = (reason: 'token' | 'throttled', message: string) => {
      metrics.wallsRefused.inc({ reason });
      const unlogged = guesses.refused(address);
      if (unlogged !== null) log.warn({ address, reason, refused: unlogged }, 'wall refused (wrong, missing or too many tokens)');
      next(new Error(message));
      // After the refusal has been written: a guesser needs a new websocket for the next guess.
      setImmediate(() => conn.close());
    };
    if (tried.has(conn)) return refuse('throttled', THROTTLED);
    tried.add(conn);
    const wait = guesses.turn(address);
    if (wait === null) return refuse('throttled', THROTTLED);
    const check = () => {
      guesses.checked(address);
      // Gone while it waited: nobody to answer.
      if (conn.readyState !== 'open') return;
      if (tokenAccepted(wall.handshake.auth)) next();
      else refuse('token', UNAUTHORIZED);
    };
    if (wait === 0) check();
    else setTimeout(check, wait);
  });
}

export function createWallServer({ httpServer, token, guesses, upstream, metrics }: WallServerOptions): WallServer {
  const io = new Server<WallToRelayEvents, RelayToWallEvents>(httpServer, {
    transports: ['websocket'],
    serveClient: false,
    maxHttpBufferSize: MAX_WALL_MESSAGE_BYTES,
  });
  const walls = io.of('/');
  const countWalls = () => metrics.walls.set(walls.sockets.size);
  if (token !== null) guardWithToken(io, token, guesses, metrics);

  io.on('connection', (wall: Wall) => {
    countWalls();
    log.info({ wall: wall.id, address: wall.handshake.address }, 'wall connected');
    void wall.join(WAITING);
    wall.emit('upstream', upstream());
    wall.onAny((event: unknown) => {
      if (event === 'snapshot') void wall.join(WAITING);
      else metrics.wallMessagesIgnored.inc();
    });
    wall.on('disconnect', (reason) => {
      countWalls();
      log.info({ wall: wall.id, reason }, 'wall disconnected');
    });
  });

  return {
    send({ delta, view, ready }) {
      const snapshotNow: string[] = [];
      let skipped = 0;
      let buffered = 0;
      for (const wall of walls.sockets.values()) {
        buffered += bufferedBytes(wall);
        if (!isFree(wall)) skipped++;
        else if (ready && wall.rooms.has(WAITING) && snapshotNow.length < MAX_SNAPSHOTS_PER_TICK) snapshotNow.push(wall.id);
      }
      metrics.wallBufferedBytes.set(buffered);
      // volatile: Socket.IO drops the packet for any wall whose transport is not writable.
      if (!ready) {
        io.volatile.emit('rebuilding');
        return;
      }
      if (snapshotNow.length > 0) {
        io.to(snapshotNow).emit('snapshot', view);
        metrics.snapshotsEncoded.inc({ for: 'walls' });
        metrics.snapshotsSent.inc(snapshotNow.length);
        for (const id of snapshotNow) void walls.sockets.get(id)?.leave(WAITING);
      }
      // The snapshot already holds this delta; walls still waiting (busy) get nothing.
      io.except([WAITING, ...snapshotNow]).volatile.emit('delta', delta);
      if (skipped > 0) metrics.deltasSkipped.inc(skipped);
    },
    // Rare and tiny, so not volatile: a busy wall gets it once it reads again.
    sendUpstream: (status) => io.emit('upstream', status),
    close: () => io.close().catch(() => undefined),
  };
}
