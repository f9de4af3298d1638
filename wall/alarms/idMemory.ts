// The ids of the latest alarm items the wall took, so an item offered again (a restarted relay
// offers every item it holds) counts once. Kept across ticks rather than rebuilt from a list
// each tick: a tick's work is proportional to its new items, not to the ids remembered. Fixed
// memory: past its capacity the oldest id is forgotten.

export class IdMemory {
  private readonly ring: string[] = [];
  private readonly held = new Set<string>();
  /** Where the next id goes in the ring once it is full. */
  private oldest = 0;
  readonly capacity: number;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`id memory: capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
  }

  /** Ids remembered now. */
  get size(): number {
    return this.held.size;
  }

  /**
   * The items (newest first, as the relay sends them) whose id was not taken before, in the same
   * order; remembers them, oldest first, so the newest are forgotten last. Whether an item is new
   * is judged against the memory as the batch found it: ids it pushes out stay known until the
   * batch is done.
   */
  takeNew<T extends { id: string }>(items: readonly T[]): T[] {
    const fresh: T[] = [];
    const forgotten: string[] = [];
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i]!;
      if (this.held.has(item.id)) continue;
      this.held.add(item.id);
      const pushedOut = this.push(item.id);
      if (pushedOut !== undefined) forgotten.push(pushedOut);
      fresh.push(item);
    }
    for (const id of forgotten) this.held.delete(id);
    return fresh.reverse();
  }

  /** Puts the id in the ring; returns the one it replaced when full. */
  private push(id: string): string | undefined {
    if (this.ring.length < this.capacity) {
      this.ring.push(id);
      return undefined;
    }
    const pushedOut = this.ring[this.oldest];
    this.ring[this.oldest] = id;
    this.oldest = (this.oldest + 1) % this.capacity;
    return pushedOut;
  }
}
