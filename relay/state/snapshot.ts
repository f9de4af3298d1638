// The full picture a wall starts from (and GET /api/state returns): plain JSON, taken at the
// state's clock. Every kind, source and reject reason is present, zero when nothing happened.
import { SOURCES, type Source } from '../contract/kinds.ts';
import { dayView } from './dayFigures.ts';
import { feedItems } from './feed.ts';
import { heatLevels } from './heatGrid.ts';
import { summariseOpen } from './incidents.ts';
import { advanceClock } from './rollover.ts';
import { rollupViews } from './rollups.ts';
import type { RelayState } from './state.ts';
import type { Freshness, Snapshot } from './view.ts';

/** The view at the state's clock, numbered with the last delta's seq. Reads only. */
export function buildView(state: Omit<RelayState, 'sent'>): Snapshot {
  const { places, rollups, config } = state;
  const at = state.now;
  const grids = {} as Record<Source, number[]>;
  const freshness = {} as Record<Source, Freshness>;
  for (const source of SOURCES) {
    grids[source] = heatLevels(state.heat[source], at);
    freshness[source] = { ...state.freshness[source] };
  }
  const { bbox, cols, rows, halfLifeMs } = state.heat.sensor;
  return {
    ...dayView(state.today),
    seq: state.seq,
    at,
    timeZone: config.timeZone,
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
  };
}

/** The full view at `now` (rolling the day over first if midnight has passed). */
export function snapshot(state: RelayState, now: number): Snapshot {
  advanceClock(state, now);
  return buildView(state);
}
