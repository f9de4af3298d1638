// The walls of the crowd, each counting what it was shown and the bytes it received. On our
// relay a wall is the integration tests' TestWall (snapshot, deltas through applyDelta, a
// snapshot again after a gap), shown the relay's totals; on the naive relay it counts the
// events it is sent. Bytes are counted per engine.io message as framed on the wire.
import { io, type Socket } from 'socket.io-client';
import { SOURCES } from '../../../relay/contract/index.ts';
import type { Snapshot } from '../../../relay/state/index.ts';
import { connectWall } from '../../integration/support/walls.ts';
import { NAIVE_EVENT } from '../naive/naiveProtocol.ts';
import { engineMessageBytes } from '../wireBytes.ts';
import type { AttachedWhen, WallKind } from './crowdProtocol.ts';

const CONNECT_TIMEOUT_MS = 20_000;

export interface CountingWall {
  /** Counted events shown since it connected. */
  delivered(): number;
  /** Bytes of the messages received since it connected. */
  bytes(): number;
  close(): void;
}

interface EnginePacket {
  type: string;
  data?: unknown;
}

function countBytes(socket: Socket): () => number {
  let bytes = 0;
  socket.io.engine.on('packet', (packet: EnginePacket) => {
    if (packet.type === 'message' && typeof packet.data === 'string') bytes += engineMessageBytes(packet.data);
  });
  return () => bytes;
}

const shownTotal = (view: Snapshot | null) => (view ? SOURCES.reduce((sum, source) => sum + view.totals[source], 0) : 0);

async function relayWall(url: string, attached: AttachedWhen): Promise<CountingWall> {
  const wall = await connectWall(url, undefined, { snapshot: attached === 'snapshot' });
  const bytes = countBytes(wall.socket);
  const base = shownTotal(wall.view);
  return { delivered: () => shownTotal(wall.view) - base, bytes, close: () => wall.close() };
}

function naiveWall(url: string): Promise<CountingWall> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  let delivered = 0;
  // Counted as our totals count: neither closed follow-ups nor the later steps of cases.
  socket.on(NAIVE_EVENT, (event: { status?: unknown; stage?: unknown }) => {
    if (event.status !== 'closed' && event.stage === undefined) delivered++;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`a wall could not connect to the naive relay at ${url} in ${CONNECT_TIMEOUT_MS / 1000} s`));
    }, CONNECT_TIMEOUT_MS);
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve({ delivered: () => delivered, bytes: countBytes(socket), close: () => void socket.close() });
    });
  });
}

export function connectCountingWall(url: string, kind: WallKind, attached: AttachedWhen): Promise<CountingWall> {
  return kind === 'relay' ? relayWall(url, attached) : naiveWall(url);
}
