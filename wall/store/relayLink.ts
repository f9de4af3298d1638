// The wall's one connection to the relay (an edge: Socket.IO on the websocket transport, same
// origin as the page). Socket.IO's manager reconnects by itself with exponential backoff and
// jitter after a lost transport; two cases it leaves alone are retried here: the relay closing
// the wall's session, and the relay refusing the wall's token (retried slowly, since only a
// change of the relay's configuration can cure it).
import { io, type Socket } from 'socket.io-client';
import { UNAUTHORIZED, type RelayToWallEvents, type UpstreamStatus, type WallToRelayEvents } from '../../relay/broadcast/protocol.ts';
import type { Delta, Snapshot } from '../../relay/state/view.ts';
import type { LinkStatus } from './connectionPhase.ts';

export interface RelayLinkHandlers {
  snapshot(snapshot: Snapshot): void;
  delta(delta: Delta): void;
  status(status: LinkStatus): void;
  upstream(status: UpstreamStatus): void;
}

export interface RelayLink {
  askForSnapshot(): void;
  close(): void;
}

const BACKOFF = { reconnectionDelay: 500, reconnectionDelayMax: 8_000, randomizationFactor: 0.5 };
const REJOIN_AFTER_CLOSE_MS = 1_000;
const RETRY_REFUSED_MS = 30_000;

export function openRelayLink(token: string | null, handlers: RelayLinkHandlers): RelayLink {
  const socket: Socket<RelayToWallEvents, WallToRelayEvents> = io({
    transports: ['websocket'],
    reconnection: true,
    reconnectionAttempts: Infinity,
    ...BACKOFF,
    ...(token === null ? {} : { auth: { token } }),
  });
  let retry: ReturnType<typeof setTimeout> | undefined;
  const retryAfter = (ms: number) => {
    clearTimeout(retry);
    retry = setTimeout(() => socket.connect(), ms);
  };

  socket.on('connect', () => handlers.status('open'));
  socket.on('snapshot', (snapshot) => handlers.snapshot(snapshot));
  socket.on('delta', (delta) => handlers.delta(delta));
  socket.on('upstream', (status) => handlers.upstream(status));
  socket.on('disconnect', (reason) => {
    handlers.status('closed');
    if (reason === 'io server disconnect') retryAfter(REJOIN_AFTER_CLOSE_MS);
  });
  socket.on('connect_error', (error) => {
    const refused = error.message === UNAUTHORIZED;
    handlers.status(refused ? 'refused' : 'closed');
    // An inactive socket gets no automatic retry from the manager.
    if (!socket.active) retryAfter(refused ? RETRY_REFUSED_MS : REJOIN_AFTER_CLOSE_MS);
  });

  return {
    askForSnapshot: () => {
      socket.emit('snapshot');
    },
    close: () => {
      clearTimeout(retry);
      socket.close();
    },
  };
}
