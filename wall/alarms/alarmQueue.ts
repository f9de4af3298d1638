// The alarm pop-up queue: one card per compound and kind, so a storm of the same alarm in one
// compound folds into one card with a count. Cards are ordered by severity, then age (the one
// waiting longest first), and leave when their compound has no open critical incident any more
// or when nothing new came for a while. Pure; memory is bounded by the card cap, whatever the
// event rate (a fold only adds to a count). Which items are new is the desk's id memory's call.
import { SEVERITIES, type Kind, type Severity, type Source } from '../../relay/contract/kinds.ts';
import type { FeedItem, RollupView } from '../../relay/protocol/snapshot.ts';

export interface AlarmCard {
  /** compoundId + kind. */
  key: string;
  compoundId: string;
  compoundName: string;
  kind: Kind;
  source: Source;
  /** The highest severity folded in. */
  severity: Severity;
  count: number;
  /** Event times (producer clocks) of the first and the latest event folded in. */
  firstTs: number;
  lastTs: number;
  /** The latest note given. */
  note: string | null;
  /** Order of raising, from 1 (the fly-to follows new cards). */
  raisedNo: number;
}

export interface AlarmQueue {
  /** In display order. */
  readonly cards: readonly AlarmCard[];
  /** Cards raised so far (the last raisedNo). */
  readonly raised: number;
}

export interface QueueOptions {
  /** A card leaves this long after its latest event; older events raise none. */
  lingerMs: number;
  /** Cards kept; past it the lowest-ranked are dropped. */
  maxCards: number;
}

export const QUEUE_DEFAULTS: Readonly<QueueOptions> = { lingerMs: 5 * 60_000, maxCards: 100 };

export const EMPTY_QUEUE: AlarmQueue = { cards: [], raised: 0 };

function cardKey(item: Pick<FeedItem, 'compoundId' | 'kind'>): string {
  return `${item.compoundId}|${item.kind}`;
}

const rank = (severity: Severity) => SEVERITIES.indexOf(severity);

function compareCards(a: AlarmCard, b: AlarmCard): number {
  return rank(b.severity) - rank(a.severity) || a.firstTs - b.firstTs || a.key.localeCompare(b.key);
}

function raise(item: FeedItem, raisedNo: number): AlarmCard {
  const { compoundId, compoundName, kind, source, severity, ts, note } = item;
  return { key: cardKey(item), compoundId, compoundName, kind, source, severity, count: 1, firstTs: ts, lastTs: ts, note, raisedNo };
}

function fold(card: AlarmCard, item: FeedItem): AlarmCard {
  return {
    ...card,
    severity: rank(item.severity) > rank(card.severity) ? item.severity : card.severity,
    count: card.count + 1,
    firstTs: Math.min(card.firstTs, item.ts),
    lastTs: Math.max(card.lastTs, item.ts),
    note: item.note ?? card.note,
  };
}

/**
 * The queue after new alarm items (newest first, as the relay sends them; none taken before) at
 * wall time `now`, with the compounds' roll-ups deciding which cards still stand. The same queue
 * when nothing changed, so a presenter can tell by identity.
 */
export function updateQueue(
  queue: AlarmQueue,
  newItems: readonly FeedItem[],
  rollups: readonly RollupView[],
  now: number,
  options: QueueOptions = QUEUE_DEFAULTS,
): AlarmQueue {
  let taken = 0;
  const cards = new Map(queue.cards.map((card) => [card.key, card]));
  let raised = queue.raised;
  // Oldest first, so the latest note is the one a card keeps.
  for (let i = newItems.length - 1; i >= 0; i--) {
    const item = newItems[i];
    if (!item || now - item.ts > options.lingerMs) continue;
    taken++;
    const card = cards.get(cardKey(item));
    cards.set(cardKey(item), card ? fold(card, item) : raise(item, ++raised));
  }
  const critical = new Map(rollups.map((rollup) => [rollup.id, rollup.critical]));
  const standing = [...cards.values()].filter(
    (card) => (critical.get(card.compoundId) ?? 0) > 0 && now - card.lastTs <= options.lingerMs,
  );
  const unchanged = taken === 0 && standing.length === queue.cards.length;
  if (unchanged) return queue;
  return { cards: standing.sort(compareCards).slice(0, options.maxCards), raised };
}

/** Cards raised by the step from `before` to `after`. */
export function raisedCards(before: AlarmQueue, after: AlarmQueue): AlarmCard[] {
  const known = new Set(before.cards.map((card) => card.key));
  return after.cards.filter((card) => !known.has(card.key));
}

/** The first `max` cards, and how many more wait behind them. */
export function visibleCards(queue: AlarmQueue, max: number): { shown: readonly AlarmCard[]; more: number } {
  const count = Math.max(0, Math.floor(max));
  return { shown: queue.cards.slice(0, count), more: Math.max(0, queue.cards.length - count) };
}
