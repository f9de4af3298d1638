// The feeds the history keeps, at their smallest: every item decoded from the relay carries its
// own copies of the source, kind, severity and compound strings, so a kept item is a copy that
// shares one string per value; an item still in the next frame's feed is the same copy, and a
// feed that did not change is the same array. Free text (ids, notes) is kept as it came.
import type { FeedItem } from '../../relay/state/view.ts';

/** Distinct short strings shared; bounded, past it strings are kept as they came. */
const MAX_SHARED = 4096;

export class FeedCompactor {
  private readonly strings = new Map<string, string>();
  private lastFeed: readonly FeedItem[] | null = null;
  private lastKept: FeedItem[] = [];
  /** The previous feed's items → their kept copies. */
  private copies = new Map<FeedItem, FeedItem>();

  private share(value: string): string {
    const shared = this.strings.get(value);
    if (shared !== undefined) return shared;
    if (this.strings.size < MAX_SHARED) this.strings.set(value, value);
    return value;
  }

  private copy(item: FeedItem): FeedItem {
    return {
      ...item,
      source: this.share(item.source) as FeedItem['source'],
      kind: this.share(item.kind) as FeedItem['kind'],
      severity: this.share(item.severity) as FeedItem['severity'],
      compoundId: this.share(item.compoundId),
      compoundName: this.share(item.compoundName),
    };
  }

  /** The feed as the history keeps it. */
  keep(feed: readonly FeedItem[]): FeedItem[] {
    if (feed === this.lastFeed) return this.lastKept;
    const copies = new Map<FeedItem, FeedItem>();
    const kept = feed.map((item) => {
      const copy = this.copies.get(item) ?? this.copy(item);
      copies.set(item, copy);
      return copy;
    });
    this.copies = copies;
    this.lastFeed = feed;
    this.lastKept = kept;
    return kept;
  }
}
