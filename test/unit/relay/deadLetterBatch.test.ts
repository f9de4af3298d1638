import { describe, expect, it } from 'vitest';
import type { DeadLetter } from '../../../relay/ingest/deadLetter.ts';
import { MAX_BATCH_BYTES, takeBatch } from '../../../relay/ingest/deadLetterBatch.ts';

const letter = (n: number, valueBytes: number): DeadLetter => ({ key: `t:0:${n}`, value: 'x'.repeat(valueBytes) });
const queueOf = (count: number, valueBytes: number) => Array.from({ length: count }, (_, n) => letter(n, valueBytes));

describe('batching dead letters for the broker', () => {
  it('takes up to the letter limit of small letters, oldest first', () => {
    const queue = queueOf(2_500, 200);
    const batch = takeBatch(queue, 1_000);
    expect(batch.map((l) => l.key)).toEqual(queueOf(1_000, 0).map((l) => l.key));
    expect(queue).toHaveLength(1_500);
    expect(queue[0]?.key).toBe('t:0:1000');
  });

  it('keeps a request of big letters under the byte limit, so the broker does not refuse it whole', () => {
    // Letters of kept CJK text: about 6 KB each, a thousand would be 6 MB.
    const queue = queueOf(1_000, 6_000);
    const batches: DeadLetter[][] = [];
    while (queue.length > 0) batches.push(takeBatch(queue, 1_000));
    for (const batch of batches) {
      expect(batch.reduce((bytes, l) => bytes + l.key.length + l.value.length, 0)).toBeLessThanOrEqual(MAX_BATCH_BYTES);
    }
    expect(batches.flat()).toHaveLength(1_000);
    expect(batches.length).toBeGreaterThan(10);
  });

  it('still sends a single letter bigger than the limit, alone', () => {
    const queue = [letter(0, 10), letter(1, 2_000), letter(2, 10)];
    expect(takeBatch(queue, 1_000, 1_000).map((l) => l.key)).toEqual(['t:0:0']);
    expect(takeBatch(queue, 1_000, 1_000).map((l) => l.key)).toEqual(['t:0:1']);
    expect(takeBatch(queue, 1_000, 1_000).map((l) => l.key)).toEqual(['t:0:2']);
  });

  it('counts bytes, not characters', () => {
    const wide: DeadLetter = { key: 'k', value: '烟'.repeat(400) };
    const queue = [wide, wide, wide];
    // 1,201 bytes each: two fit in 2,500 bytes, though 802 characters would fit three.
    expect(takeBatch(queue, 1_000, 2_500)).toHaveLength(2);
  });
});
