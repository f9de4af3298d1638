// When the relay moves past a batch it cannot read: at once for one that will never decode; for
// one too large for the fetch, only once it has blocked the same offset for the grace period.
import { describe, expect, it } from 'vitest';
import type { SkippedBatch } from '../../../relay/ingest/record.ts';
import { createSkipPolicy } from '../../../relay/ingest/skipPolicy.ts';

const batch = (reason: SkippedBatch['reason'], firstOffset = '10', partition = 0): SkippedBatch => ({
  topic: 't',
  partition,
  reason,
  detail: '',
  firstOffset,
  lastOffset: String(Number(firstOffset) + 4),
  records: 5,
  bytes: 3_000_000,
  maxTimestamp: 0,
});

describe('the skip policy', () => {
  it('moves past an undecodable, corrupt or codec-less batch at once', () => {
    const policy = createSkipPolicy(() => 0, 10_000);
    for (const reason of ['unsupported_codec', 'undecodable', 'corrupt'] as const) expect(policy.moveOn(batch(reason))).toBe(true);
  });

  it('moves past a batch too large for the fetch only after it blocked the same offset for the grace period', () => {
    let now = 0;
    const policy = createSkipPolicy(() => now, 10_000);
    expect(policy.moveOn(batch('too_large'))).toBe(false);
    now = 9_999;
    expect(policy.moveOn(batch('too_large'))).toBe(false);
    // Another partition has its own clock.
    expect(policy.moveOn(batch('too_large', '10', 1))).toBe(false);
    now = 10_000;
    expect(policy.moveOn(batch('too_large'))).toBe(true);
    // A new offset (the partition moved on, then blocked again) starts over.
    expect(policy.moveOn(batch('too_large', '50'))).toBe(false);
  });
});
