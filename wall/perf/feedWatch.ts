// Which feed items are new on screen. Feed numbers (`no`) only grow, so an item is new when its
// number is above the highest one seen. The first feed seen is what was there before the wall
// came (a snapshot's backlog), not something it showed late, and items that arrive while the wall
// shows the past (replay) are first shown later for another reason: both are passed over.
import type { FeedItem } from '../../relay/protocol/snapshot.ts';

export class FeedWatch {
  /** Null until the first feed is seen. */
  private newestNo: number | null = null;

  /** Event times of the items in `feed` (newest first) not seen before; none while not `live`. */
  newItems(feed: readonly FeedItem[], live: boolean): number[] {
    const seen = this.newestNo;
    this.newestNo = Math.max(seen ?? 0, feed[0]?.no ?? 0);
    if (seen === null || !live) return [];
    const times: number[] = [];
    for (const item of feed) {
      if (item.no <= seen) break;
      times.push(item.ts);
    }
    return times;
  }
}
