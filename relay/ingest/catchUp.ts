// Readiness of a rebuild: the relay is caught up once, on every partition, it has consumed up to
// the high-water mark seen at start. Messages produced after start are live traffic, not rebuild.

export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: number;
}

export interface CatchUp {
  /** Records that everything before `nextOffset` on the partition has been consumed. */
  advance(topic: string, partition: number, nextOffset: number): void;
  isDone(): boolean;
  /** Messages still to read before ready, over all partitions. */
  remaining(): number;
}

const keyOf = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/** `starts`: where reading begins; `targets`: the high-water marks at start. */
export function createCatchUp(starts: readonly PartitionOffset[], targets: readonly PartitionOffset[]): CatchUp {
  const positions = new Map<string, number>();
  for (const { topic, partition, offset } of starts) positions.set(keyOf(topic, partition), offset);
  const pending = new Map<string, number>();
  for (const { topic, partition, offset } of targets) {
    const key = keyOf(topic, partition);
    if ((positions.get(key) ?? 0) < offset) pending.set(key, offset);
  }
  return {
    advance(topic, partition, nextOffset) {
      const key = keyOf(topic, partition);
      positions.set(key, Math.max(positions.get(key) ?? 0, nextOffset));
      const target = pending.get(key);
      if (target !== undefined && nextOffset >= target) pending.delete(key);
    },
    isDone: () => pending.size === 0,
    remaining() {
      let total = 0;
      for (const [key, target] of pending) total += target - (positions.get(key) ?? 0);
      return total;
    },
  };
}
