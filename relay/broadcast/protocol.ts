// The wall ↔ relay protocol over Socket.IO (websocket transport, default namespace). Types only
// plus one constant, so the wall's bundle can import it.
//
// relay → wall  'snapshot'  Snapshot: on connect, and at the next tick after a wall asks for one.
// relay → wall  'delta'     Delta: once per tick, to every wall whose connection is free. A wall
//                           that finds delta.prevSeq ≠ its seq missed one: it asks for a snapshot.
// relay → wall  'upstream'  UpstreamStatus: on connect, and whenever the relay starts or stops
//                           hearing from Kafka (down at start, or lost since): the figures on
//                           screen are then the last known ones.
// wall → relay  'snapshot'  no payload: "send me a snapshot". Anything else a wall sends is
//                           ignored (and counted); nothing a wall sends changes the state.
// The handshake carries `auth: { token }` when the relay has a WALL_TOKEN.
import type { Delta, Snapshot } from '../state/view.ts';

export interface RelayToWallEvents {
  snapshot(snapshot: Snapshot): void;
  delta(delta: Delta): void;
  upstream(status: UpstreamStatus): void;
}

/** Whether the relay hears from its upstream (Kafka; the embedded bus always is). */
export interface UpstreamStatus {
  available: boolean;
  /** When the upstream last answered (epoch ms, the relay's clock); null if it never has. */
  lastContact: number | null;
}

export interface WallToRelayEvents {
  snapshot(): void;
}

/** The message of a wall's connect_error when its token is missing or wrong. */
export const UNAUTHORIZED = 'unauthorized';
