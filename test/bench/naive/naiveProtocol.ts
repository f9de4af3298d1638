// What the naive relay and its walls agree on, apart from the relay so walls can import it.

/** The Socket.IO event each Kafka message becomes; its payload is the message's JSON. */
export const NAIVE_EVENT = 'event';

/** The naive relay's message to its parent once its consumer has joined. */
export interface NaiveRelayReady {
  port: number;
}
