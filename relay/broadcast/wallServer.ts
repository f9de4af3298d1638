// Walls over Socket.IO on the relay's HTTP server: a snapshot on connect, then one delta per tick.
// A wall whose connection is still busy with earlier data (it stopped reading, or its network
// is slow) is skipped for that tick — its data waits in the kernel's socket buffers, never in
// the relay's memory — and resyncs by snapshot once it reads again. Snapshot requests are served
// at the next tick, at most one per wall and only when its connection is free, so a wall that
// asks and never reads cannot pile snapshots up either.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { log } from '../log.ts';
import type { RelayMetrics } from '../metrics.ts';
import type { Delta, Snapshot } from '../state/index.ts';
import { UNAUTHORIZED, type RelayToWallEvents, type UpstreamStatus, type WallToRelayEvents } from './protocol.ts';
import { createTokenCheck } from './wallAuth.ts';

export interface WallServerOptions {
  httpServer: HttpServer;
  /** null: walls connect without a token. */
  token: string | null;
  /** The state's current snapshot. */
  snapshot(): Snapshot;
  /** Whether the relay hears from upstream now, told to each wall on connect. */
  upstream(): UpstreamStatus;
  metrics: Pick<
    RelayMetrics,
    'walls' | 'wallMessagesIgnored' | 'wallsRefused' | 'deltasSkipped' | 'snapshotsSent' | 'wallBufferedBytes'
  >;
}

export interface WallServer {
  /** This tick's delta to every free wall; walls that asked for a snapshot get one instead. */
  send(delta: Delta): void;
  /** A change of the upstream's status, to every wall. */
  sendUpstream(status: UpstreamStatus): void;
  close(): Promise<void>;
}

interface WallData {
  wantsSnapshot: boolean;
}

type Wall = Socket<WallToRelayEvents, RelayToWallEvents, Record<string, never>, WallData>;

// Walls send only a snapshot request; a bigger frame is not a wall talking.
const MAX_WALL_MESSAGE_BYTES = 1_024;

/** Whether the wall's connection has handed all earlier data to the kernel. */
const isFree = (wall: Wall) => wall.conn.transport.writable;

/** Bytes the relay itself still holds for the wall: written but not yet taken by the kernel. */
const bufferedBytes = (wall: Wall) => wall.conn.request.socket?.writableLength ?? 0;

export function createWallServer({ httpServer, token, snapshot, upstream, metrics }: WallServerOptions): WallServer {
  const io = new Server<WallToRelayEvents, RelayToWallEvents, Record<string, never>, WallData>(httpServer, {
    transports: ['websocket'],
    serveClient: false,
    maxHttpBufferSize: MAX_WALL_MESSAGE_BYTES,
  });
  const walls = io.of('/');
  const countWalls = () => metrics.walls.set(walls.sockets.size);
  const tokenAccepted = createTokenCheck(token);

  io.use((wall, next) => {
    if (tokenAccepted(wall.handshake.auth)) return next();
    metrics.wallsRefused.inc();
    next(new Error(UNAUTHORIZED));
  });

  io.on('connection', (wall: Wall) => {
    wall.data.wantsSnapshot = false;
    countWalls();
    log.info({ wall: wall.id, address: wall.handshake.address }, 'wall connected');
    wall.emit('snapshot', snapshot());
    metrics.snapshotsSent.inc();
    wall.emit('upstream', upstream());
    wall.onAny((event: unknown) => {
      if (event === 'snapshot') wall.data.wantsSnapshot = true;
      else metrics.wallMessagesIgnored.inc();
    });
    wall.on('disconnect', (reason) => {
      countWalls();
      log.info({ wall: wall.id, reason }, 'wall disconnected');
    });
  });

  return {
    send(delta) {
      const resyncing: string[] = [];
      let skipped = 0;
      let buffered = 0;
      for (const wall of walls.sockets.values()) {
        buffered += bufferedBytes(wall);
        if (!isFree(wall)) skipped++;
        else if (wall.data.wantsSnapshot) resyncing.push(wall.id);
      }
      if (resyncing.length > 0) {
        // Taken after this tick's delta, so it already holds it: these walls skip the delta.
        io.to(resyncing).emit('snapshot', snapshot());
        for (const id of resyncing) {
          const wall = walls.sockets.get(id);
          if (wall) wall.data.wantsSnapshot = false;
        }
        metrics.snapshotsSent.inc(resyncing.length);
      }
      // volatile: Socket.IO drops the packet for any wall whose transport is not writable.
      io.except(resyncing).volatile.emit('delta', delta);
      if (skipped > 0) metrics.deltasSkipped.inc(skipped);
      metrics.wallBufferedBytes.set(buffered);
    },
    // Rare and tiny, so not volatile: a busy wall gets it once it reads again.
    sendUpstream: (status) => io.emit('upstream', status),
    close: () => io.close().catch(() => undefined),
  };
}
