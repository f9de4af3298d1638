// The wall's state: the relay's live view (snapshot, then one delta per tick), the connection's
// phase, the language, the replay, and the figures the panels show — all derived from the view
// shown, which is the live view or, while the wall is rewound, a frame of the replay's history.
//
// Cost per tick is bounded by the delta, never by the event rate: the view is held raw (no deep
// proxies), applyDelta keeps the identity of every part a delta does not touch (the map's layers
// rely on that), and every figure is a small function of bounded parts (kinds, hours, places).
// Figures that move slowly to the eye (the trends, the rankings) follow the live view once a
// second rather than every tick; the counters and alarms follow every tick.
import { flushSync } from 'svelte';
import { ALARM_SOURCES } from '../../relay/contract/kinds.ts';
import { connectRelay, WALL_BACKOFF, type LinkStatus } from '../../relay/protocol/relayClient.ts';
import type { Delta, Snapshot } from '../../relay/protocol/snapshot.ts';
import { SnapshotSync } from '../../relay/protocol/snapshotSync.ts';
import { DEFAULT_LANG, otherLang, type Lang } from '../i18n/lang.ts';
import { Replay } from '../replay/replay.svelte.ts';
import type { WallPhase } from '../replay/wallPhase.ts';
import { Listeners } from '../ui/listeners.ts';
import { connectionPhase, type RelaySync } from './connectionPhase.ts';
import { DeltaTiming } from './deltaTiming.ts';
import { caseFigures } from './caseFigures.ts';
import { incidentFigures, sourceCounters, trendSeries } from './figures.ts';
import { freshnessOf } from './freshness.ts';
import { dayFraction } from './localTime.ts';
import type { PlaceNames } from './placeNames.ts';
import { topByOpen } from './ranking.ts';
import { exposeStoreProbe, type WallStoreProbe } from './storeProbe.ts';
import { createViewCadence } from './viewCadence.ts';
import type { WallParams } from './wallParams.ts';

/** Until the relay says otherwise (its snapshot carries its zone). */
const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const TOP_PLACES = 5;
/** A minute of deltas at the default 4 Hz. */
const TIMING_WINDOW = 240;
/** How often the slow figures take the live view. */
const SLOW_PERIOD_MS = 1_000;

/** Takes a new live view; `live` is false while the wall shows the past (a replay). */
export type LiveViewListener = (view: Snapshot, live: boolean) => void;

/** Where the live views come from, for those that must take every one (the alarm queue, the lag). */
export interface LiveViews {
  watchLiveViews(listener: LiveViewListener): () => void;
}

export class WallStore implements LiveViews {
  private readonly namesByLang: Readonly<Record<Lang, PlaceNames>>;
  private readonly params: WallParams;
  /** The relay's latest view, whatever the wall shows (the alarm queue follows it always). */
  liveView = $state.raw<Snapshot | null>(null);
  /** The last minutes of the live view, and the frame on screen while rewound. */
  readonly replay = new Replay();
  /** What the wall shows: the live view (kept through reconnects), or the frame being replayed. */
  readonly view = $derived(this.replay.shown ?? this.liveView);
  /** The live view at most once a second (always the latest in the end). */
  private slowLiveView = $state.raw<Snapshot | null>(null);
  private readonly slowCadence = createViewCadence<Snapshot | null>({
    periodMs: SLOW_PERIOD_MS,
    take: (view) => (this.slowLiveView = view),
    // A view taken between ticks updates the screen at once, its time charged to the latest tick.
    setTimer: (take, ms) =>
      setTimeout(() => {
        const started = performance.now();
        take();
        flushSync();
        this.timing.addToLatest(performance.now() - started);
      }, ms),
  });
  /** What the slow figures show: the live view at their cadence, or the frame being replayed. */
  private readonly slowView = $derived(this.replay.shown ?? this.slowLiveView);
  lang = $state<Lang>(DEFAULT_LANG);
  /** The wall's clock, once a second. */
  private wallClock = $state(Date.now());
  /** The time the wall shows: its clock, or the relay's time of the frame being replayed. */
  readonly now = $derived(this.replay.shown?.at ?? this.wallClock);
  private readonly timing = new DeltaTiming(TIMING_WINDOW);

  private link = $state<LinkStatus>('connecting');
  private relaySync = $state<RelaySync>('awaiting');
  private upstreamAvailable = $state<boolean | null>(null);
  private lastMessageAt = $state<number | null>(null);
  private viewArrivedAt = $state(Date.now());
  private tickMs = $state<number | null>(null);
  private lastDeltaAt: number | null = null;
  private readonly sync = new SnapshotSync();
  private readonly liveViews = new Listeners<Parameters<LiveViewListener>>();
  /** For testers: the performance readout and window.__wallStore. */
  readonly probe: WallStoreProbe = {
    deltaTiming: () => this.timing.summary(),
    seq: () => this.view?.seq ?? null,
    sync: () => this.sync.stats,
  };

  readonly timeZone = $derived(this.view?.timeZone ?? DEFAULT_TIME_ZONE);
  /** The relay's clock now, from the time of the last live view and how long ago it came. */
  private readonly liveRelayNow = $derived(
    this.liveView ? this.liveView.at + Math.max(0, this.wallClock - this.viewArrivedAt) : this.wallClock,
  );
  /** The relay's time of the view shown: now, or the time of the frame being replayed. */
  readonly relayNow = $derived(this.replay.shown?.at ?? this.liveRelayNow);
  private readonly connection = $derived(
    connectionPhase({
      link: this.link,
      sync: this.relaySync,
      hasView: this.liveView !== null,
      sinceMessageMs: this.lastMessageAt === null ? null : this.wallClock - this.lastMessageAt,
      tickMs: this.tickMs,
      freshness: this.liveView?.freshness ?? null,
      relayNow: this.liveRelayNow,
      upstreamAvailable: this.upstreamAvailable,
    }),
  );
  readonly phase: WallPhase = $derived(this.replay.active ? 'replay' : this.connection);

  // The comparison with yesterday moves with the time of day; a minute's resolution is plenty.
  private readonly viewMinute = $derived(this.view ? Math.floor(this.view.at / 60_000) * 60_000 : null);
  private readonly fraction = $derived(this.viewMinute === null ? 0 : dayFraction(this.viewMinute, this.timeZone));

  // The roll-ups on their own, so the rankings ignore deltas that did not touch them.
  private readonly compounds = $derived(this.slowView?.compounds);
  private readonly committees = $derived(this.slowView?.committees);

  readonly counters = $derived(this.view && sourceCounters(this.view, this.fraction));
  readonly trends = $derived(this.slowView && trendSeries(this.slowView, this.fraction));
  readonly incidents = $derived(this.view && incidentFigures(this.view));
  readonly cases = $derived(this.view && caseFigures(this.view, this.fraction));
  readonly caseFeed = $derived(this.view?.cases.feed ?? []);
  readonly feed = $derived(this.view?.feed ?? []);
  readonly freshness = $derived.by(() => {
    const view = this.view;
    if (!view) return null;
    // Alarm sources only: cases have a panel of their own.
    return ALARM_SOURCES.map((source) => ({
      source,
      skipped: view.skipped[source],
      ...freshnessOf(view.freshness[source], this.relayNow, view.yesterday.totals[source]),
    }));
  });
  /** Place names in the wall's language. */
  readonly names = $derived.by(() => this.namesByLang[this.lang]);
  readonly topCompounds = $derived.by(() => topByOpen(this.compounds ?? [], this.names.compounds, TOP_PLACES));
  readonly topCommittees = $derived.by(() => topByOpen(this.committees ?? [], this.names.committees, TOP_PLACES));

  constructor(names: Readonly<Record<Lang, PlaceNames>>, params: WallParams) {
    this.namesByLang = names;
    this.params = params;
    this.lang = params.lang;
  }

  toggleLang(): void {
    this.lang = otherLang(this.lang);
  }

  /**
   * Shows a view saved before the kiosk reloaded the page, as if it had come at `savedAt`, so the
   * title bar says it is not live; the relay's snapshot replaces it. Never over a view.
   */
  resume(view: Snapshot, lang: Lang, savedAt: number): void {
    if (this.liveView !== null) return;
    this.lang = lang;
    this.sync.takeSnapshot(view);
    // Called while the kiosk mounts, where flushSync is not allowed: the watchers take it at once.
    if (this.show(savedAt)) this.handOn();
  }

  /** `listener` takes the live view there is now, if any, then each new one; returns the stop. */
  watchLiveViews(listener: LiveViewListener): () => void {
    if (this.liveView) listener(this.liveView, !this.replay.active);
    return this.liveViews.add(listener);
  }

  /** Connects to the relay and starts the clock; returns the stop function. */
  start(): () => void {
    const link = connectRelay({
      token: this.params.token,
      reconnect: WALL_BACKOFF,
      rejoin: true,
      sink: {
        takeSnapshot: (snapshot) => this.takeSnapshot(snapshot),
        takeDelta: (delta) => this.takeDelta(delta),
      },
      status: (status) => {
        this.link = status;
        // A new connection (perhaps to a restarted relay) is in step only once its snapshot came.
        if (status === 'open') this.relaySync = 'awaiting';
      },
      upstream: ({ available }) => (this.upstreamAvailable = available),
      rebuilding: () => {
        this.relaySync = 'rebuilding';
        this.lastMessageAt = Date.now();
      },
    });
    const clock = setInterval(() => (this.wallClock = Date.now()), 1_000);
    const hideProbe = exposeStoreProbe(this.probe);
    return () => {
      hideProbe();
      clearInterval(clock);
      this.slowCadence.stop();
      link.close();
    };
  }

  private takeSnapshot(snapshot: Snapshot): void {
    this.relaySync = 'synced';
    this.sync.takeSnapshot(snapshot);
    this.showAndHandOn(Date.now());
  }

  /** Applies a delta and updates the screen at once, timing both; true to ask for a snapshot. */
  private takeDelta(delta: Delta): boolean {
    const started = performance.now();
    const now = Date.now();
    if (this.lastDeltaAt !== null && delta.at > this.lastDeltaAt) this.tickMs = delta.at - this.lastDeltaAt;
    this.lastDeltaAt = delta.at;
    const askSnapshot = this.sync.takeDelta(delta, now);
    this.showAndHandOn(now, delta);
    this.timing.record(performance.now() - started);
    return askSnapshot;
  }

  /**
   * Puts the relay's new view on screen at once, then hands it to its watchers: what they start
   * from it (an alarm's dwell on the map) starts once the view is shown.
   */
  private showAndHandOn(now: number, delta?: Delta): void {
    const arrived = this.show(now, delta);
    flushSync();
    if (!arrived) return;
    this.handOn();
    flushSync();
  }

  /** True for a new live view. `delta`: the one just taken; the replay keeps it when it brought the new view. */
  private show(now: number, delta?: Delta): boolean {
    this.lastMessageAt = now;
    if (this.sync.snapshot === this.liveView) return false;
    this.liveView = this.sync.snapshot;
    this.slowCadence.offer(this.liveView, true);
    this.viewArrivedAt = now;
    if (!this.liveView) return false;
    this.replay.record(this.liveView, delta);
    return true;
  }

  private handOn(): void {
    if (this.liveView) this.liveViews.tell(this.liveView, !this.replay.active);
  }
}
