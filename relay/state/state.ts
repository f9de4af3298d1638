// The relay's state: one mutable object that applyEvent updates in place (for throughput), built
// from the geography pack and the configuration. Data only: no timers, no clock reads.
import { ALARM_SOURCES, type AlarmSource, type Source } from '../contract/kinds.ts';
import type { PackIndex } from '../../geo/packIndex.ts';
import { createCaseState, type CaseState } from './caseState.ts';
import { resolveStateConfig, type StateConfig, type StateOptions } from './config.ts';
import { createDayClock, type DayClock } from './dayClock.ts';
import { createDayFigures, type DayFigures } from './dayFigures.ts';
import { createSeenIds, type SeenIds } from './dedup.ts';
import { createFeed, type Feed } from './feed.ts';
import { createFreshness } from './freshness.ts';
import { createHeatGrid, type HeatGrid } from './heatGrid.ts';
import { createIncidents, type Incidents } from './incidents.ts';
import { buildPlaces, type Places } from './places.ts';
import { createRollups, type Rollups } from './rollups.ts';
import { buildSnapshot } from './snapshot.ts';
import type { Freshness, Snapshot } from '../protocol/snapshot.ts';

export interface RelayState {
  readonly config: StateConfig;
  readonly clock: DayClock;
  readonly places: Places;
  today: DayFigures;
  yesterday: DayFigures;
  seen: SeenIds;
  incidents: Incidents;
  rollups: Rollups;
  /** Alarm sources only: a few cases a day make no heat worth a map. */
  heat: Record<AlarmSource, HeatGrid>;
  feed: Feed;
  /** Critical events only: the alarm queue's source, which no flood of warnings overflows. */
  alarms: Feed;
  freshness: Record<Source, Freshness>;
  /** Grid and hotline cases: the book, the cohorts, their feed. */
  cases: CaseState;
  /** The latest `now` any call passed in; an earlier one never moves the state back. */
  now: number;
  /** Sequence number of the last delta taken. */
  seq: number;
  /** Set at a midnight rollover, cleared by the next delta (which then sends every figure). */
  dayChanged: boolean;
  /** What the last delta brought walls to; the next delta is the difference from it. */
  sent: Snapshot;
}

/** A fresh state for the local day of `now`; throws one line on a bad option. */
export function createState(index: PackIndex, now: number, options: StateOptions = {}): RelayState {
  const config = resolveStateConfig(options);
  const clock = createDayClock(config.timeZone);
  const places = buildPlaces(index);
  const today = clock.dayOf(now);
  const yesterday = clock.dayOf(today.start - 1);
  const heat = {} as Record<AlarmSource, HeatGrid>;
  for (const source of ALARM_SOURCES) {
    heat[source] = createHeatGrid(places.bbox, config.heatCells, config.heatHalfLifeMs, now);
  }
  const state: Omit<RelayState, 'sent'> = {
    config,
    clock,
    places,
    today: createDayFigures(today, config.closeSampleSize),
    yesterday: createDayFigures(yesterday, config.closeSampleSize),
    seen: createSeenIds(config.dedupCapacity),
    incidents: createIncidents(config.maxOpenIncidents, config.maxPendingCloses),
    rollups: createRollups(places),
    heat,
    feed: createFeed(config.feedSize),
    alarms: createFeed(config.alarmFeedSize),
    freshness: createFreshness(),
    cases: createCaseState(places, clock, today, yesterday, config),
    now,
    seq: 0,
    dayChanged: false,
  };
  return { ...state, sent: buildSnapshot(state) };
}
