import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../lib/random.ts';

const draw = (seed: number, label?: string) => {
  const root = seededRandom(seed);
  const r = label ? root.stream(label) : root;
  return Array.from({ length: 5 }, () => r.between(0, 1));
};

describe('seededRandom', () => {
  it('repeats its draws for the same seed and differs for another', () => {
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('gives each named stream its own draws, unaffected by draws elsewhere', () => {
    const root = seededRandom(1);
    root.between(0, 1);
    expect(root.stream('blocks').between(0, 1)).toBe(draw(1, 'blocks')[0]);
    expect(draw(1, 'blocks')).not.toEqual(draw(1, 'names'));
  });

  it('keeps integers and picks within bounds', () => {
    const r = seededRandom(3);
    for (let i = 0; i < 200; i++) {
      const n = r.int(5, 7);
      expect(n >= 5 && n <= 7 && Number.isInteger(n)).toBe(true);
      expect(['a', 'b']).toContain(r.pick(['a', 'b']));
    }
  });
});
