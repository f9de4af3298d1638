// The feed panel's rows change by a bounded number per tick: new items enter in order, oldest
// first, a few at a time; a rewind replaces them at once.
import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../../relay/protocol/snapshot.ts';
import { caseRows, feedRows, newestFirst } from '../../../../wall/panels/feedRows.ts';

const item = (no: number): FeedItem => ({
  no,
  id: `e${no}`,
  ts: 1_000 * no,
  source: 'sensor',
  kind: 'smoke',
  severity: 'critical',
  compoundId: 'SQ-C01',
  compoundName: '一号小区',
  note: null,
  step: null,
});
/** The relay's feed holding items from..to, newest first. */
const feed = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => item(to - i));
const nos = (rows: readonly FeedItem[]) => rows.map((row) => row.no);

describe('the feed panel rows', () => {
  it('shows the first feed whole, up to the rows there are', () => {
    expect(nos(feedRows([], feed(1, 20), 16, 4))).toEqual(nos(feed(5, 20)));
  });

  it('lets a few new items a tick enter, oldest first, so a burst shows whole a tick or two later', () => {
    const shown = feedRows([], feed(1, 10), 16, 4);
    const next = feedRows(shown, feed(1, 16), 16, 4);
    expect(nos(next)).toEqual([14, 13, 12, 11, ...nos(feed(1, 10))]);
    // The next view (a tick with no new item) lets the rest in.
    expect(nos(feedRows(next, feed(1, 16), 16, 4))).toEqual(nos(feed(1, 16)));
  });

  it('keeps the very same rows when nothing is waiting', () => {
    const shown = feedRows([], feed(1, 10), 16, 4);
    expect(feedRows(shown, feed(1, 10), 16, 4)).toBe(shown);
  });

  it('passes over what the relay no longer holds in a flood: four rows a tick, never more', () => {
    let shown = feedRows([], feed(1, 50), 16, 4);
    for (let tick = 1; tick <= 5; tick++) {
      const before = new Set(nos(shown));
      shown = feedRows(shown, feed(1_000 * tick, 1_000 * tick + 49), 16, 4);
      expect(nos(shown).filter((no) => !before.has(no))).toEqual([1_000 * tick + 3, 1_000 * tick + 2, 1_000 * tick + 1, 1_000 * tick]);
      expect(shown).toHaveLength(16);
    }
  });

  it('replaces the rows at once with an older feed (the wall rewound)', () => {
    const shown = feedRows([], feed(20, 40), 16, 4);
    expect(nos(feedRows(shown, feed(1, 10), 16, 4))).toEqual(nos(feed(1, 10)));
  });
});

describe('the case rows', () => {
  /** A case step numbered `no`, stepped at `ts` seconds. */
  const step = (no: number, ts = no): FeedItem => ({ ...item(no), ts: 1_000 * ts, source: 'grid' });

  it('shows the newest steps by their own times, not by the order the relay read them', () => {
    expect(nos(caseRows([], [step(3, 1), step(2, 9), step(1, 5), step(4, 2)], 3, 1))).toEqual([2, 1, 4]);
  });

  it('lets one new step a tick enter, the oldest waiting first, so a flood turns the rows over one by one', () => {
    const shown = caseRows([], [step(3), step(2), step(1)], 3, 1);
    const next = caseRows(shown, [step(6), step(5), step(4), step(3)], 3, 1);
    expect(nos(next)).toEqual([4, 3, 2]);
    expect(nos(caseRows(next, [step(6), step(5), step(4), step(3)], 3, 1))).toEqual([5, 4, 3]);
  });

  it('keeps the rows when no newer step came', () => {
    const shown = caseRows([], [step(3), step(2), step(1)], 3, 1);
    expect(caseRows(shown, [step(3), step(2), step(1)], 3, 1)).toBe(shown);
  });

  it('replaces the rows at once when the steps are older than those shown (a rewind)', () => {
    const shown = caseRows([], [step(30), step(20), step(10)], 3, 1);
    expect(nos(caseRows(shown, [step(3), step(2), step(1)], 3, 1))).toEqual([3, 2, 1]);
  });
});

describe('the order the feeds are listed in', () => {
  it('is by the events\' own times, newest first, whatever order the relay read them in; a tie by number', () => {
    const read = [{ ...item(3), ts: 5_000 }, { ...item(2), ts: 9_000 }, { ...item(1), ts: 5_000 }];
    expect(nos([...read].sort(newestFirst))).toEqual([2, 3, 1]);
  });
});
