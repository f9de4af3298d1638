import { describe, expect, it } from 'vitest';
import { createCatchUp } from '../../../relay/ingest/catchUp.ts';

const at = (topic: string, partition: number, offset: number) => ({ topic, partition, offset });

describe('catching up with the high-water marks seen at start', () => {
  it('is done at once when every partition starts at its high-water mark', () => {
    const catchUp = createCatchUp([at('a', 0, 5), at('a', 1, 0)], [at('a', 0, 5), at('a', 1, 0)]);
    expect(catchUp.isDone()).toBe(true);
    expect(catchUp.remaining()).toBe(0);
  });

  it('waits for every partition to reach its mark, and counts what is left', () => {
    const catchUp = createCatchUp([at('a', 0, 10), at('b', 0, 0)], [at('a', 0, 20), at('b', 0, 3)]);
    expect(catchUp.remaining()).toBe(13);
    catchUp.advance('a', 0, 20);
    expect(catchUp.isDone()).toBe(false);
    expect(catchUp.remaining()).toBe(3);
    catchUp.advance('b', 0, 2);
    expect(catchUp.isDone()).toBe(false);
    catchUp.advance('b', 0, 3);
    expect(catchUp.isDone()).toBe(true);
  });

  it('does not count messages produced after start as part of the rebuild', () => {
    const catchUp = createCatchUp([at('a', 0, 0)], [at('a', 0, 4)]);
    catchUp.advance('a', 0, 9);
    expect(catchUp.isDone()).toBe(true);
    expect(catchUp.remaining()).toBe(0);
  });

  it('never moves a position backwards', () => {
    const catchUp = createCatchUp([at('a', 0, 0)], [at('a', 0, 10)]);
    catchUp.advance('a', 0, 8);
    catchUp.advance('a', 0, 3);
    expect(catchUp.remaining()).toBe(2);
  });
});
