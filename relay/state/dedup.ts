// De-duplication by event id with bounded memory. Kafka delivers at least once: a rebalance or
// a restarted consumer replays a stretch of recent messages, so a duplicate arrives close behind
// its original. Two generations of ids: new ids go into the current table; when it holds
// `capacity` it becomes the previous one and the old previous table is dropped whole. So the last
// `capacity` distinct ids are always remembered, never more than 2 × `capacity`, and no id is
// ever scanned for expiry.
//
// An id is remembered by a 64-bit hash, in typed arrays sized once from `capacity`: no string or
// map entry per event outlives the event, which the garbage collector would copy and promote (a
// map of the ids themselves cost the ingest about twice as much, collection included). Two
// ids are taken for one with odds of 2^-64 a pair: with the window full (500,000 ids at the
// default), about once in 3.7 × 10^13 new events, over two centuries at 5,000 events a second.
//
// Each id keeps a 32-bit fingerprint of its event's content: a copy is a duplicate only when
// the content is the same. The same id with other content is a conflict (a producer reusing ids,
// or changing an event it already sent): not counted, and refused with its own reason. So an id
// mistaken for another is dead-lettered as a conflict, not dropped, unless the fingerprints agree too.

/**
 * One generation: an open-addressed table (linear probing, at most half full) of ids' 64-bit hashes
 * beside their contents' fingerprints, three 32-bit words a slot side by side (the high and low
 * halves of the hash, the fingerprint), so that a probe mostly reads one cache line (three arrays
 * side by side were slower). An empty slot holds the hash 0:0, which no id is given (hashId).
 */
export interface Generation {
  readonly slots: Uint32Array;
  size: number;
}

/** Words a slot: the hash's high half, its low half, the content's fingerprint. */
const WORDS = 3;

export interface SeenIds {
  readonly capacity: number;
  current: Generation;
  previous: Generation;
}

export type Sighting = 'new' | 'same' | 'different';

/** Slots for `capacity` ids: a power of two, so that a hash's low bits index it, at least twice the ids. */
const slotsFor = (capacity: number) => 2 ** Math.max(3, Math.ceil(Math.log2(capacity * 2)));

function createGeneration(slots: number): Generation {
  return { slots: new Uint32Array(slots * WORDS), size: 0 };
}

export function createSeenIds(capacity: number): SeenIds {
  const slots = slotsFor(capacity);
  return { capacity, current: createGeneration(slots), previous: createGeneration(slots) };
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

/** Murmur3's finaliser: every bit of the input moves about half the output's. */
function mix(hash: number): number {
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

// The last id's hash, in two halves (no array or object per event).
let idHigh = 0;
let idLow = 0;

/**
 * An id's 64-bit hash: two 32-bit hashes of its UTF-16 units with other multipliers, each mixed
 * by `mix`. Never 0:0, which marks an empty slot.
 */
function hashId(id: string): void {
  let high = Math.imul(0x9747b28c ^ id.length, 0x5bd1e995);
  let low = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    const unit = id.charCodeAt(i);
    low = Math.imul(low ^ unit, FNV_PRIME);
    high = Math.imul(high ^ unit, 0x5bd1e995);
    high ^= high >>> 15;
  }
  idHigh = mix(high);
  idLow = mix(low) || (idHigh === 0 ? 1 : 0);
}

/** Where the last hashed id is in `generation`'s words, or the empty slot where it would go. */
function slotOf({ slots }: Generation): number {
  const count = slots.length / WORDS;
  let slot = idLow & (count - 1);
  for (;;) {
    const at = slot * WORDS;
    const high = slots[at]!;
    const low = slots[at + 1]!;
    if ((high === idHigh && low === idLow) || (high === 0 && low === 0)) return at;
    slot = (slot + 1) & (count - 1);
  }
}

/** The fingerprint kept with the last hashed id in `generation`, if it is there. */
function contentIn(generation: Generation): number | undefined {
  const at = slotOf(generation);
  const { slots } = generation;
  return slots[at] === 0 && slots[at + 1] === 0 ? undefined : slots[at + 2];
}

/** Whether the id is within the remembered window, with the same content or not; remembers a new one. */
export function sight(seen: SeenIds, id: string, content: number): Sighting {
  hashId(id);
  const known = contentIn(seen.current) ?? contentIn(seen.previous);
  if (known !== undefined) return known === content >>> 0 ? 'same' : 'different';
  if (seen.current.size >= seen.capacity) {
    seen.previous = seen.current;
    seen.current = createGeneration(seen.current.slots.length / WORDS);
  }
  const { current } = seen;
  const at = slotOf(current);
  current.slots[at] = idHigh;
  current.slots[at + 1] = idLow;
  current.slots[at + 2] = content;
  current.size++;
  return 'new';
}
