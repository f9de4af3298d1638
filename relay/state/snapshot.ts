// The full picture a wall starts from (and GET /api/state returns): plain JSON, taken at the
// state's clock. Every kind, source and reject reason is present, zero when nothing happened.
import { ALARM_SOURCES, SOURCES, type AlarmSource, type Source } from '../contract/kinds.ts';
import { casesView } from './caseView.ts';
import { dayView } from './dayFigures.ts';
import { feedItems } from './feed.ts';
import { heatLevels } from './heatGrid.ts';
import { summariseOpen } from './incidents.ts';
import { advanceClock } from './rollover.ts';
import { rollupViews } from './rollups.ts';
import type { RelayState } from './state.ts';
import type { Freshness, Snapshot } from '../protocol/snapshot.ts';

/** The snapshot at the state's clock, numbered with the last delta's seq. Reads only. */
export function buildSnapshot(state: Omit<RelayState, 'sent'>): Snapshot {
  const { places, rollups, config } = state;
  const at = state.now;
  const grids = {} as Record<AlarmSource, number[]>;
  for (const source of ALARM_SOURCES) grids[source] = heatLevels(state.heat[source], at);
  const freshness = {} as Record<Source, Freshness>;
  for (const source of SOURCES) freshness[source] = { ...state.freshness[source] };
  const { bbox, cols, rows, halfLifeMs } = state.heat.sensor;
  return {
    ...dayView(state.today),
    seq: state.seq,
    at,
    timeZone: config.timeZone,
    replayOf: config.replayOf,
    yesterday: dayView(state.yesterday),
    open: summariseOpen(state.incidents, at),
    compounds: rollupViews(rollups.compounds, places.compoundIds),
    committees: rollupViews(rollups.committees, places.committeeIds),
    areas: rollupViews(rollups.areas, places.areaIds),
    feed: feedItems(state.feed),
    feedSize: config.feedSize,
    alarms: feedItems(state.alarms),
    alarmFeedSize: config.alarmFeedSize,
    heat: { bbox: [...bbox], cols, rows, halfLifeMs, grids },
    freshness,
    cases: casesView(state.cases, places),
  };
}

/** The full view at `now` (rolling the day over first if midnight has passed). */
export function snapshot(state: RelayState, now: number): Snapshot {
  advanceClock(state, now);
  return buildSnapshot(state);
}
