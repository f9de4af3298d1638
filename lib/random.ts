// The generators' only source of chance (geo's pack and the simulator's events). Every stage asks
// for its own named stream, so that the same seed gives the same output byte for byte and a
// change to one stage's draws leaves the others' output alone.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Random {
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** An independent stream for one concern, derived from this stream's seed and the label. */
  stream(label: string): Random;
}

/** FNV-1a over the label, mixed with the parent seed: a stable 32-bit child seed. */
function childSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (const ch of label) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function seededRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  return {
    between: (min, max) => min + uniformFloat64(rng) * (max - min),
    int: (min, max) => uniformInt(rng, min, max),
    pick<T>(items: readonly T[]): T {
      const item = items[uniformInt(rng, 0, items.length - 1)];
      if (item === undefined) throw new Error('cannot pick from an empty list');
      return item;
    },
    stream: (label) => seededRandom(childSeed(seed, label)),
  };
}
