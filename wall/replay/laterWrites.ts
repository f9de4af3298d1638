// What of the deltas between two frames of the rewind the later frame still needs. Every value a
// delta carries is absolute (applyDelta: a figure, a place, a heat cell, an hour's count replaces
// the one before), so a value that a later delta before the frame sets again is never seen by any
// frame, nor is a feed item that scrolled out before it. Walking back from the frame's own delta,
// each delta keeps only the values no later one set: at a busy rate, about one frame's worth of
// changes is kept per frame instead of one per tick. The case figures come as patches (patch.ts),
// so what is kept of them is their leaves, by path.
import { keptLeaves, type Patch } from '../../relay/protocol/patch.ts';
import type { CasePlacePatch, CasesDelta, DayDelta, Delta, FeedItem, HeatChange } from '../../relay/protocol/snapshot.ts';

/** Levels of a whole grid, in the set of a heat grid's written cells. */
const WHOLE = -1;

/** `object` without its undefined entries; undefined when none is left. */
function defined<T extends object>(object: T): T | undefined {
  const entries = Object.entries(object).filter(([, value]) => value !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
}

/**
 * A kept list, none when empty, and copied to its length: an array filled by push or filter has
 * spare room, which a delta kept for fifteen minutes would hold all that time.
 */
const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list.slice() : undefined);

/** Each entry of `object` through `keep`, those it drops left out; undefined when none is left. */
function keepEach<K extends string, V>(object: Partial<Record<K, V>>, keep: (value: V, key: K) => V | undefined): Partial<Record<K, V>> | undefined {
  const kept: Partial<Record<K, V>> = {};
  for (const [key, value] of Object.entries(object) as [K, V][]) kept[key] = keep(value, key);
  return defined(kept);
}

/** What the deltas after the one being trimmed, up to the frame, have written (fills as the walk goes back). */
export class LaterWrites {
  /** Per part of the snapshot, the keys, ids or cells written. */
  private readonly written = new Map<string, Set<string | number>>();

  /** `shown`: the feed items of the frame (its feed and the cases'). */
  constructor(private readonly shown: ReadonlySet<FeedItem>) {}

  /** The delta without what a later one writes again or the frame does not show; notes what it writes. */
  trim(delta: Delta): Delta {
    const trimmed = defined({
      today: delta.today && this.day('today', delta.today),
      yesterday: delta.yesterday && this.day('yesterday', delta.yesterday),
      open: this.whole('open', '', delta.open),
      compounds: this.byId('compounds', delta.compounds),
      committees: this.byId('committees', delta.committees),
      areas: this.byId('areas', delta.areas),
      feed: this.feed(delta.feed),
      heat: delta.heat && keepEach(delta.heat, (change: HeatChange, source) => this.heat(source, change)),
      freshness: delta.freshness && this.record('freshness', delta.freshness),
      cases: delta.cases && this.cases(delta.cases),
    });
    return { seq: delta.seq, prevSeq: delta.prevSeq, at: delta.at, ...trimmed };
  }

  private day(part: string, day: DayDelta): DayDelta | undefined {
    return defined({
      day: this.whole(part, 'day', day.day),
      totals: day.totals && this.record(`${part}.totals`, day.totals),
      byKind: day.byKind && this.record(`${part}.byKind`, day.byKind),
      alerts: day.alerts && this.record(`${part}.alerts`, day.alerts),
      hourly: day.hourly && keepEach(day.hourly, (pairs: number[], source) => this.pairs(`${part}.hourly.${source}`, pairs)),
      closure: this.whole(part, 'closure', day.closure),
      rejected: day.rejected && this.record(`${part}.rejected`, day.rejected),
      skipped: day.skipped && this.record(`${part}.skipped`, day.skipped),
    });
  }

  private cases(cases: CasesDelta): CasesDelta | undefined {
    return defined({
      year: this.whole('cases', 'year', cases.year),
      since: this.whole('cases', 'since', cases.since),
      grid: cases.grid && this.leaves('cases.grid', cases.grid),
      hotline: cases.hotline && this.leaves('cases.hotline', cases.hotline),
      compounds: this.placePatches('cases.compounds', cases.compounds),
      committees: this.placePatches('cases.committees', cases.committees),
      areas: this.placePatches('cases.areas', cases.areas),
      feed: this.feed(cases.feed),
      evicted: this.whole('cases', 'evicted', cases.evicted),
    });
  }

  private heat(source: string, change: HeatChange): HeatChange | undefined {
    const part = `heat.${source}`;
    if ('levels' in change) return this.whole(part, WHOLE, change);
    const cells = this.pairs(part, change.cells);
    return cells && { cells };
  }

  /** True the first time `key` of `part` is written (walking back: the value the frame shows). */
  private first(part: string, key: string | number): boolean {
    let keys = this.written.get(part);
    if (!keys) this.written.set(part, (keys = new Set()));
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  }

  private whole<T>(part: string, key: string | number, value: T | undefined): T | undefined {
    return value !== undefined && this.first(part, key) ? value : undefined;
  }

  private record<K extends string, V>(part: string, values: Partial<Record<K, V>>): Partial<Record<K, V>> | undefined {
    return keepEach(values, (value: V, key) => this.whole(part, key, value));
  }

  // Within one delta too, the last write of an index or id is the one applied: read from the end.

  /** [index, value, …] pairs; none once a later delta wrote the whole grid. */
  private pairs(part: string, pairs: readonly number[]): number[] | undefined {
    if (this.written.get(part)?.has(WHOLE)) return undefined;
    const kept: number[] = [];
    for (let i = pairs.length - (pairs.length % 2) - 2; i >= 0; i -= 2) {
      if (this.first(part, pairs[i]!)) kept.push(pairs[i]!, pairs[i + 1]!);
    }
    return nonEmpty(kept);
  }

  private byId<T extends { id: string }>(part: string, list: readonly T[] | undefined): T[] | undefined {
    return list && nonEmpty(list.toReversed().filter((entry) => this.first(part, entry.id)).reverse());
  }

  /** A patch's leaves that no later delta wrote. */
  private leaves<T>(part: string, patch: Patch<T>): Patch<T> | undefined {
    return keptLeaves(patch, (path) => this.first(part, path));
  }

  /** Each place's patch without the leaves a later delta wrote; the places left with none dropped. */
  private placePatches(part: string, places: readonly CasePlacePatch[] | undefined): CasePlacePatch[] | undefined {
    if (!places) return undefined;
    const kept: CasePlacePatch[] = [];
    for (const { id, ...figures } of places) {
      const leaves = this.leaves<Omit<CasePlacePatch, 'id'>>(`${part}.${id}`, figures);
      if (leaves) kept.push({ id, ...leaves });
    }
    return nonEmpty(kept);
  }

  private feed(items: readonly FeedItem[] | undefined): FeedItem[] | undefined {
    return items && nonEmpty(items.filter((item) => this.shown.has(item)));
  }
}
