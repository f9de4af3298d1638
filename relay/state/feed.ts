// A bounded feed of recent events: a ring of the last N items in arrival order, each numbered so
// a wall can tell new items from ones it already shows. The state keeps three: notable events,
// critical ones only (the alarm feed), and grid and hotline openings and steps (the case feed,
// so that a busy day of cases pushes no alarm out).
import type { ShiquanEvent } from '../contract/event.ts';
import type { FeedItem } from '../protocol/snapshot.ts';

export interface Feed {
  ring: (FeedItem | undefined)[];
  /** Number the next item gets; items are numbered from 1. */
  nextNo: number;
}

export function createFeed(size: number): Feed {
  return { ring: new Array<FeedItem | undefined>(size).fill(undefined), nextNo: 1 };
}

/** Warning and critical events go to the feed; closed follow-ups do not. */
export function isNotable(event: ShiquanEvent): boolean {
  return event.severity !== 'info' && event.status !== 'closed';
}

/** Critical events also go to the alarm feed, which warnings cannot push them out of. */
export function isAlarm(event: ShiquanEvent): boolean {
  return event.severity === 'critical' && event.status !== 'closed';
}

export function pushFeed(feed: Feed, event: ShiquanEvent, compoundName: string): void {
  const no = feed.nextNo++;
  feed.ring[no % feed.ring.length] = {
    no,
    id: event.id,
    ts: event.ts,
    source: event.source,
    kind: event.kind,
    severity: event.severity,
    compoundId: event.compoundId,
    compoundName,
    note: event.note,
    step: event.step,
  };
}

/** Items numbered above `afterNo`, newest first (all held items by default). */
export function feedItems(feed: Feed, afterNo = 0): FeedItem[] {
  const items: FeedItem[] = [];
  const oldest = Math.max(afterNo + 1, feed.nextNo - feed.ring.length);
  for (let no = feed.nextNo - 1; no >= oldest; no--) {
    const item = feed.ring[no % feed.ring.length];
    if (item) items.push(item);
  }
  return items;
}
