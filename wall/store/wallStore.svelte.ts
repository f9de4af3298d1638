// The wall's live state: the relay's view (snapshot, then one delta per tick), the connection's
// phase, the language, and the figures the panels show — all derived from the view.
//
// Cost per tick is bounded by the delta, never by the event rate: the view is held raw (no deep
// proxies), applyDelta keeps the identity of every part a delta does not touch (the map's layers
// rely on that), and every figure is a small function of bounded parts (kinds, hours, places).
import { flushSync } from 'svelte';
import { SOURCES } from '../../relay/contract/kinds.ts';
import type { Delta, Snapshot } from '../../relay/state/view.ts';
import { DEFAULT_LANG, otherLang, type Lang } from '../i18n/lang.ts';
import { connectionPhase, type LinkStatus } from './connectionPhase.ts';
import { DeltaTiming } from './deltaTiming.ts';
import { incidentFigures, sourceCounters, trendSeries } from './figures.ts';
import { freshnessOf } from './freshness.ts';
import { dayFraction } from './localTime.ts';
import type { PlaceNames } from './placeNames.ts';
import { topByOpen } from './ranking.ts';
import { openRelayLink } from './relayLink.ts';
import { exposeStoreProbe } from './storeProbe.ts';
import { ViewSync } from './viewSync.ts';
import type { WallParams } from './wallParams.ts';

/** Until the relay says otherwise (its snapshot carries its zone). */
const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const TOP_PLACES = 5;
/** A minute of deltas at the default 4 Hz. */
const TIMING_WINDOW = 240;

export class WallStore {
  private readonly names: PlaceNames;
  private readonly params: WallParams;
  /** The relay's view; kept on screen through reconnects. */
  view = $state.raw<Snapshot | null>(null);
  lang = $state<Lang>(DEFAULT_LANG);
  /** The wall's clock, once a second. */
  now = $state(Date.now());
  private readonly timing = new DeltaTiming(TIMING_WINDOW);

  private link = $state<LinkStatus>('connecting');
  private lastMessageAt = $state<number | null>(null);
  private viewArrivedAt = $state(Date.now());
  private tickMs = $state<number | null>(null);
  private lastDeltaAt: number | null = null;
  private readonly sync = new ViewSync();

  /** The relay's latest view, whatever the wall shows (the alarm queue follows it always). */
  get liveView(): Snapshot | null {
    return this.view;
  }

  readonly timeZone = $derived(this.view?.timeZone ?? DEFAULT_TIME_ZONE);
  /** The relay's clock now, from the time of the last view and how long ago it came. */
  readonly relayNow = $derived(this.view ? this.view.at + Math.max(0, this.now - this.viewArrivedAt) : this.now);
  readonly phase = $derived(
    connectionPhase({
      link: this.link,
      hasView: this.view !== null,
      sinceMessageMs: this.lastMessageAt === null ? null : this.now - this.lastMessageAt,
      tickMs: this.tickMs,
      freshness: this.view?.freshness ?? null,
      relayNow: this.relayNow,
    }),
  );

  // The comparison with yesterday moves with the time of day; a minute's resolution is plenty.
  private readonly viewMinute = $derived(this.view ? Math.floor(this.view.at / 60_000) * 60_000 : null);
  private readonly fraction = $derived(this.viewMinute === null ? 0 : dayFraction(this.viewMinute, this.timeZone));

  // The roll-ups on their own, so the rankings ignore deltas that did not touch them.
  private readonly compounds = $derived(this.view?.compounds);
  private readonly committees = $derived(this.view?.committees);

  readonly counters = $derived(this.view && sourceCounters(this.view, this.fraction));
  readonly trends = $derived(this.view && trendSeries(this.view, this.fraction));
  readonly incidents = $derived(this.view && incidentFigures(this.view));
  readonly feed = $derived(this.view?.feed ?? []);
  readonly freshness = $derived.by(() => {
    const freshness = this.view?.freshness;
    return freshness && SOURCES.map((source) => ({ source, ...freshnessOf(freshness[source], this.relayNow) }));
  });
  readonly topCompounds = $derived.by(() => topByOpen(this.compounds ?? [], this.names.compounds, TOP_PLACES));
  readonly topCommittees = $derived.by(() => topByOpen(this.committees ?? [], this.names.committees, TOP_PLACES));

  constructor(names: PlaceNames, params: WallParams) {
    this.names = names;
    this.params = params;
    this.lang = params.lang;
  }

  toggleLang(): void {
    this.lang = otherLang(this.lang);
  }

  /** Connects to the relay and starts the clock; returns the stop function. */
  start(): () => void {
    const link = openRelayLink(this.params.token, {
      snapshot: (snapshot) => this.takeSnapshot(snapshot),
      delta: (delta) => {
        if (this.takeDelta(delta)) link.askForSnapshot();
      },
      status: (status) => (this.link = status),
    });
    const clock = setInterval(() => (this.now = Date.now()), 1_000);
    const hideProbe = exposeStoreProbe({ deltaTiming: () => this.timing.summary(), seq: () => this.view?.seq ?? null });
    return () => {
      hideProbe();
      clearInterval(clock);
      link.close();
    };
  }

  private takeSnapshot(snapshot: Snapshot): void {
    this.sync.takeSnapshot(snapshot);
    this.show(Date.now());
  }

  /** Applies a delta and updates the screen at once, timing both; true to ask for a snapshot. */
  private takeDelta(delta: Delta): boolean {
    const started = performance.now();
    const now = Date.now();
    if (this.lastDeltaAt !== null && delta.at > this.lastDeltaAt) this.tickMs = delta.at - this.lastDeltaAt;
    this.lastDeltaAt = delta.at;
    const askSnapshot = this.sync.takeDelta(delta, now);
    this.show(now);
    flushSync();
    this.timing.record(performance.now() - started);
    return askSnapshot;
  }

  private show(now: number): void {
    this.lastMessageAt = now;
    if (this.sync.view !== this.view) {
      this.view = this.sync.view;
      this.viewArrivedAt = now;
    }
  }
}
