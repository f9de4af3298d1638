// De-duplication by event id with bounded memory. Kafka delivers at least once: a rebalance or
// a restarted consumer replays a stretch of recent messages, so a duplicate arrives close behind
// its original. Two generations of ids: new ids go into the current set; when it is full it
// becomes the previous one and the old previous set is dropped whole. So the last `capacity`
// distinct ids are always remembered, never more than 2 × `capacity`, and no id is ever
// scanned for expiry.

export interface SeenIds {
  readonly capacity: number;
  current: Set<string>;
  previous: Set<string>;
}

export function createSeenIds(capacity: number): SeenIds {
  return { capacity, current: new Set(), previous: new Set() };
}

/** True when the id is within the remembered window; otherwise remembers it and returns false. */
export function seenBefore(seen: SeenIds, id: string): boolean {
  if (seen.current.has(id) || seen.previous.has(id)) return true;
  if (seen.current.size >= seen.capacity) {
    seen.previous = seen.current;
    seen.current = new Set();
  }
  seen.current.add(id);
  return false;
}

