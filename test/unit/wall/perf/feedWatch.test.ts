import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../../relay/protocol/snapshot.ts';
import { FeedWatch } from '../../../../wall/perf/feedWatch.ts';

/** A feed, newest first, of items numbered `nos` with ts = no × 1000. */
const feed = (...nos: number[]): FeedItem[] =>
  nos.map((no) => ({
    no,
    id: `e${no}`,
    ts: no * 1_000,
    source: 'sensor',
    kind: 'smoke',
    severity: 'critical',
    compoundId: 'SQ-C01',
    compoundName: '中山新村',
    note: null,
    step: null,
  }));

describe('which feed items are newly shown', () => {
  it('passesOverTheBacklogOfTheFirstFeedItSees', () => {
    const watch = new FeedWatch();
    expect(watch.newItems(feed(3, 2, 1), true)).toEqual([]);
    expect(watch.newItems(feed(5, 4, 3, 2, 1), true)).toEqual([5_000, 4_000]);
  });

  it('countsEveryItemAfterAnEmptyFirstFeed', () => {
    const watch = new FeedWatch();
    expect(watch.newItems([], true)).toEqual([]);
    expect(watch.newItems(feed(2, 1), true)).toEqual([2_000, 1_000]);
  });

  it('reportsAnItemOnceWhateverHowOftenTheSameFeedIsShown', () => {
    const watch = new FeedWatch();
    watch.newItems(feed(1), true);
    expect(watch.newItems(feed(2, 1), true)).toEqual([2_000]);
    expect(watch.newItems(feed(2, 1), true)).toEqual([]);
  });

  it('skipsItemsThatArriveWhileTheWallShowsThePast', () => {
    const watch = new FeedWatch();
    watch.newItems(feed(1), true);
    expect(watch.newItems(feed(3, 2, 1), false)).toEqual([]);
    expect(watch.newItems(feed(4, 3, 2, 1), true)).toEqual([4_000]);
  });
});
