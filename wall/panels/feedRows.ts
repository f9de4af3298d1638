// The feed panel's rows, paced — the events' and the case steps' alike: new items enter in
// order, oldest first, at most a few per update of the view, so what the panel redraws each tick
// is bounded whatever the event rate. At the rates a person can read (a few notable events a
// second) every item shows, at most a tick or two late; in a flood the panel shows a sample, each row entering in its turn instead of the
// whole list turning over four times a second. Items the relay's feed no longer holds are passed
// over. A feed that is not a continuation of the rows (the wall rewound, or reconnected to
// another relay) replaces them at once. Pure.
import type { FeedItem } from '../../relay/protocol/snapshot.ts';

/** The rows after the feed (newest first) came, given the rows shown; the same array when nothing enters. */
export function feedRows(shown: readonly FeedItem[], feed: readonly FeedItem[], rows: number, maxEntering: number): readonly FeedItem[] {
  const newestShown = shown[0]?.no;
  const newest = feed[0]?.no;
  if (newestShown === undefined || newest === undefined || newest < newestShown) return feed.slice(0, rows);
  let fresh = 0;
  while (fresh < feed.length && feed[fresh]!.no > newestShown) fresh++;
  if (fresh === 0) return shown;
  // The oldest of the fresh items, so that they enter in the order they happened.
  const entering = feed.slice(Math.max(0, fresh - maxEntering), fresh);
  return [...entering, ...shown].slice(0, rows);
}

/**
 * Newest first by the events' own times: after a rebuild the relay's feeds hold what it read
 * last, not what happened last.
 */
export const newestFirst = (a: FeedItem, b: FeedItem) => b.ts - a.ts || b.no - a.no;

/**
 * The case rows: the newest `rows` steps by their own times, at most `maxEntering` new ones per
 * update. Steps older than every row shown (a rewind, another relay) replace them at once.
 */
export function caseRows(shown: readonly FeedItem[], feed: readonly FeedItem[], rows: number, maxEntering: number): readonly FeedItem[] {
  const target = [...feed].sort(newestFirst).slice(0, rows);
  if (shown.length === 0 || target.length === 0 || newestFirst(target[0]!, shown[0]!) > 0) return target;
  const kept = new Set(shown.map((row) => row.no));
  const fresh = target.filter((row) => !kept.has(row.no));
  if (fresh.length === 0) return shown;
  if (fresh.length <= maxEntering) return target;
  return [...fresh.slice(-maxEntering), ...shown].sort(newestFirst).slice(0, rows);
}
