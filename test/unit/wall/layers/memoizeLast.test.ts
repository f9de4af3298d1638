import { describe, expect, it } from 'vitest';
import { memoizeLast } from '../../../../wall/layers/memo.ts';

describe('memoizeLast', () => {
  it('returns the previous result while the arguments are the same objects', () => {
    let calls = 0;
    const wrap = memoizeLast((list: number[], n: number) => ({ calls: ++calls, sum: list.length + n }));
    const list = [1, 2];
    const first = wrap(list, 1);
    expect(wrap(list, 1)).toBe(first);
    expect(wrap([1, 2], 1)).not.toBe(first);
    expect(wrap(list, 2).calls).toBe(3);
  });

  it('tells calls with different numbers of arguments apart', () => {
    const wrap = memoizeLast((...xs: number[]) => xs.length);
    expect(wrap(1)).toBe(1);
    expect(wrap(1, 2)).toBe(2);
  });
});
