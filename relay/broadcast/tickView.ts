// The view as of the last tick, for GET /api/state: the same picture walls hold after that tick's
// delta (and the snapshot the tick sent to new walls). Its JSON is encoded at most once per tick,
// on the first request, and named by an ETag, so a request repeated within the tick can get 304
// and a flood of requests costs the relay a copy of bytes, not a snapshot each.
import { randomUUID } from 'node:crypto';
import type { Snapshot } from '../state/index.ts';

export interface TickView {
  /** Called by the tick after each delta. */
  set(view: Snapshot): void;
  /** A strong ETag: this process and the view's seq. */
  etag(): string;
  /** The view's JSON (UTF-8), encoded on first use. */
  json(): Buffer;
}

/** `onEncode` counts each encoding (relay_snapshots_encoded_total{for="http"}). */
export function createTickView(initial: Snapshot, onEncode: () => void): TickView {
  // A restarted relay numbers its ticks from 0 again: its ETags must not match the old ones.
  const process = randomUUID().slice(0, 8);
  let view = initial;
  let json: Buffer | null = null;
  return {
    set(next) {
      view = next;
      json = null;
    },
    etag: () => `"${process}-${view.seq}"`,
    json() {
      if (json === null) {
        json = Buffer.from(JSON.stringify(view), 'utf8');
        onEncode();
      }
      return json;
    },
  };
}
