// De-duplication by event id with bounded memory. Kafka delivers at least once: a rebalance or
// a restarted consumer replays a stretch of recent messages, so a duplicate arrives close behind
// its original. Two generations of ids: new ids go into the current map; when it is full it
// becomes the previous one and the old previous map is dropped whole. So the last `capacity`
// distinct ids are always remembered, never more than 2 × `capacity`, and no id is ever
// scanned for expiry.
//
// Each id keeps a 32-bit fingerprint of its event's content: a copy is a duplicate only when
// the content is the same. The same id with other content is a conflict (a producer reusing ids,
// or changing an event it already sent): not counted, and refused with its own reason.

export interface SeenIds {
  readonly capacity: number;
  current: Map<string, number>;
  previous: Map<string, number>;
}

export type Sighting = 'new' | 'same' | 'different';

export function createSeenIds(capacity: number): SeenIds {
  return { capacity, current: new Map(), previous: new Map() };
}

const FNV_PRIME = 0x01000193;

/** A number's 64 bits, read as two 32-bit halves (no decimal string per number). */
const numberBits = new Float64Array(1);
const numberHalves = new Uint32Array(numberBits.buffer);

/**
 * FNV-1a over a list of fields, each hashed as its type and then a number's 64 bits or a string's
 * length and UTF-16 units, so that lists that differ anywhere (null against "null"; 12 against
 * "12"; "ab", "c" against "a", "bc") hash apart. Fast, built field by field (no JSON string per
 * event), and 32 bits make a missed conflict a 1-in-4-billion event.
 */
export function fingerprintOf(fields: readonly (string | number | null)[]): number {
  let hash = 0x811c9dc5;
  for (const field of fields) {
    if (field === null) {
      hash = Math.imul(hash, FNV_PRIME);
    } else if (typeof field === 'number') {
      // −0 and 0 are the same number on the wire.
      numberBits[0] = field === 0 ? 0 : field;
      hash = Math.imul(hash ^ 1, FNV_PRIME);
      hash = Math.imul(hash ^ numberHalves[0]!, FNV_PRIME);
      hash = Math.imul(hash ^ numberHalves[1]!, FNV_PRIME);
    } else {
      hash = Math.imul(hash ^ 2, FNV_PRIME);
      hash = Math.imul(hash ^ field.length, FNV_PRIME);
      for (let i = 0; i < field.length; i++) hash = Math.imul(hash ^ field.charCodeAt(i), FNV_PRIME);
    }
  }
  return hash >>> 0;
}

/** Whether the id is within the remembered window, with the same content or not; remembers a new one. */
export function sight(seen: SeenIds, id: string, content: number): Sighting {
  const known = seen.current.get(id) ?? seen.previous.get(id);
  if (known !== undefined) return known === content ? 'same' : 'different';
  if (seen.current.size >= seen.capacity) {
    seen.previous = seen.current;
    seen.current = new Map();
  }
  seen.current.set(id, content);
  return 'new';
}
