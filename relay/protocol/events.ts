// The wall ↔ relay protocol over Socket.IO (websocket transport, default namespace). Types only
// plus two constants, so the wall's bundle can import it.
//
// relay → wall  'snapshot'  Snapshot: at the first tick after a wall connects or asks for one (that
//                           tick's delta is already in it), once the relay is ready.
// relay → wall  'delta'     Delta: once per tick, to every wall whose connection is free. A wall
//                           that finds delta.prevSeq ≠ its seq missed one: it asks for a snapshot.
// relay → wall  'rebuilding' no payload: once per tick instead of any figures while the relay
//                           rebuilds today from Kafka (after a start): a wall keeps what it shows,
//                           marked as rebuilding, until the snapshot comes.
// relay → wall  'upstream'  UpstreamStatus: on connect, and whenever the relay starts or stops
//                           hearing from Kafka (down at start, or lost since): the figures on
//                           screen are then the last known ones.
// wall → relay  'snapshot'  no payload: "send me a snapshot". Anything else a wall sends is
//                           ignored (and counted); nothing a wall sends changes the state.
// The handshake carries `auth: { token }` when the relay has a WALL_TOKEN; one try per websocket.
import type { Delta, Snapshot } from './snapshot.ts';

export interface RelayToWallEvents {
  snapshot(snapshot: Snapshot): void;
  delta(delta: Delta): void;
  upstream(status: UpstreamStatus): void;
  rebuilding(): void;
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
/**
 * The message of a wall's connect_error when its address has tried too many tokens lately (its
 * token was not even checked), or its websocket tried one already: try again on a new one.
 */
export const THROTTLED = 'throttled';
