// Which of the relay's alarm items (newest first) the wall has not taken yet. Items are numbered
// by the relay; a restarted relay numbers from 1 again, and then every item it holds is offered
// (the queue's id memory keeps those already counted from counting twice).
import type { FeedItem } from '../../relay/protocol/snapshot.ts';

export function newAlarms(items: readonly FeedItem[], lastNo: number): { items: FeedItem[]; lastNo: number } {
  const newest = items[0]?.no ?? lastNo;
  const restarted = newest < lastNo;
  return {
    items: restarted ? [...items] : items.filter((item) => item.no > lastNo),
    lastNo: newest,
  };
}
