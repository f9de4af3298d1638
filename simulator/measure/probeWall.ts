// A probe wall: the relay's own client (relay/protocol/relayClient.ts) behaving like a wall
// (websocket transport, the token in the handshake, a snapshot on connect, then one delta per
// tick; on a seq gap it asks for a new snapshot), handing what it receives, with the arrival
// time, to its ProbeTracker.
import { UNAUTHORIZED } from '../../relay/protocol/events.ts';
import { connectRelay, DEFAULT_BACKOFF } from '../../relay/protocol/relayClient.ts';
import type { ProbeTracker } from './probeTracker.ts';

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
export async function connectProbe({ relayUrl, token, tracker, timeoutMs, now = Date.now }: ProbeWallOptions): Promise<ProbeWall> {
  const client = connectRelay({
    url: relayUrl,
    token,
    sink: tracker,
    // A real wall reconnects; the relay then sends it a snapshot, which the tracker resyncs from.
    reconnect: DEFAULT_BACKOFF,
    now,
  });
  client.socket.on('disconnect', () => tracker.onDisconnect());
  try {
    await client.first('snapshot', timeoutMs);
  } catch (error) {
    client.close();
    const message = (error as Error).message;
    const why = message === UNAUTHORIZED ? 'unauthorized: check --wall-token' : message;
    throw new Error(`probe wall ${tracker.probe} could not connect to ${relayUrl} (${why})`);
  }
  return { close: () => client.close() };
}
