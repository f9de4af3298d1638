// Applying one accepted event to the state, in place. Which day an event counts to is decided by
// its own time `ts`, not by when it arrives:
// - ts today (or later: producer clocks may run minutes ahead) → today's figures;
// - ts yesterday (a late arrival) → yesterday's figures, its incident opens or closes as usual,
//   and it reaches the heat grid (decayed by its age) and the feed;
// - ts before yesterday → ignored ('too_old'), but its id is remembered for de-duplication.
// Closed follow-ups are not counted as events; they close incidents. Grid and hotline events
// take their own path (applyCase.ts): cases are counted from 1 January, and a step can be refused.
import type { ShiquanEvent } from '../contract/event.ts';
import { isCaseSource, isIncidentKind, type AlarmSource, type Source } from '../contract/kinds.ts';
import type { RejectReason } from '../contract/reasons.ts';
import { applyCaseEvent } from './applyCase.ts';
import type { CaseRefusal } from './caseBook.ts';
import { countClose, countEvent, type DayFigures } from './dayFigures.ts';
import { fingerprintOf, sight } from './dedup.ts';
import { isAlarm, isNotable, pushFeed } from './feed.ts';
import { noteArrival } from './freshness.ts';
import { addHeat, cellAt } from './heatGrid.ts';
import { closeIncident, openIncident } from './incidents.ts';
import type { Place } from './places.ts';
import { advanceClock } from './rollover.ts';
import { adjustOpen, countToday } from './rollups.ts';
import type { RelayState } from './state.ts';

/** `too_old`: before the day before today (cases: before the horizon); `conflict`: the id seen with other content; an object: a case step refused. */
export type ApplyOutcome = 'applied' | 'duplicate' | 'conflict' | 'too_old' | CaseRefusal;

/** The figures of the day an instant falls on: today (also for later instants), yesterday, none. */
function figuresOn(state: RelayState, instant: number): DayFigures | null {
  if (instant >= state.today.day.start) return state.today;
  return instant >= state.yesterday.day.start ? state.yesterday : null;
}

function figuresOfDate(state: RelayState, date: string): DayFigures | null {
  if (date === state.today.day.date) return state.today;
  return date === state.yesterday.day.date ? state.yesterday : null;
}

function recordClose(state: RelayState, openedOn: string, openedAt: number, closedAt: number): void {
  const closeDay = figuresOn(state, closedAt);
  if (closeDay) countClose(closeDay, closedAt - openedAt);
  const openDay = figuresOfDate(state, openedOn);
  if (openDay) openDay.closedOfOpened++;
}

function heatUp(state: RelayState, event: ShiquanEvent, source: AlarmSource, place: Place | undefined): void {
  const grid = state.heat[source];
  let cell = event.lng === null || event.lat === null ? -1 : cellAt(grid, event.lng, event.lat);
  if (cell < 0 && place) cell = cellAt(grid, place.point[0], place.point[1]);
  if (cell >= 0) addHeat(grid, cell, Math.min(event.ts, state.now));
}

function openFrom(state: RelayState, event: ShiquanEvent, figures: DayFigures): void {
  const { id, compoundId, kind, severity, ts } = event;
  const incident = { id, compoundId, kind, severity, openedAt: ts, openedOn: figures.day.date };
  const outcome = openIncident(state.incidents, incident);
  if (outcome.result === 'closed') {
    recordClose(state, incident.openedOn, ts, outcome.closedAt);
  } else if (outcome.result === 'opened') {
    adjustOpen(state.rollups, compoundId, severity, 1);
    const { evicted } = outcome;
    if (evicted) adjustOpen(state.rollups, evicted.compoundId, evicted.severity, -1);
  }
}

function countOccurrence(state: RelayState, event: ShiquanEvent, source: AlarmSource, figures: DayFigures): void {
  countEvent(figures, event);
  const place = state.places.compounds.get(event.compoundId);
  if (figures === state.today) {
    countToday(state.rollups, event.compoundId, isIncidentKind(event.kind));
  }
  heatUp(state, event, source, place);
  const compoundName = place?.name ?? event.compoundId;
  if (isNotable(event)) pushFeed(state.feed, event, compoundName);
  if (isAlarm(event)) pushFeed(state.alarms, event, compoundName);
  if (event.status === 'open') openFrom(state, event, figures);
}

function closeFrom(state: RelayState, event: ShiquanEvent): void {
  if (event.ref === null) return;
  const incident = closeIncident(state.incidents, event.ref, event.ts);
  if (!incident) return;
  adjustOpen(state.rollups, incident.compoundId, incident.severity, -1);
  recordClose(state, incident.openedOn, incident.openedAt, event.ts);
}

/** Everything an event says but its id, in the validator's normal form (an ISO ts and its epoch ms agree). */
function contentOf(e: ShiquanEvent): number {
  // A case step is rare next to alarms and passes: only it pays for a JSON string.
  const step = e.step === null ? null : JSON.stringify(e.step);
  return fingerprintOf([e.ts, e.source, e.kind, e.compoundId, e.lng, e.lat, e.severity, e.status, e.ref, e.deviceId, e.note, step]);
}

/**
 * Applies an event validated against the same pack. An id seen before is not applied again: a
 * 'duplicate' with the same content, a 'conflict' with other content (the first one stands). `now` is the arrival time (epoch ms); it
 * also rolls the day over when midnight has passed.
 */
export function applyEvent(state: RelayState, event: ShiquanEvent, now: number): ApplyOutcome {
  const sighting = sight(state.seen, event.id, contentOf(event));
  if (sighting !== 'new') return sighting === 'same' ? 'duplicate' : 'conflict';
  advanceClock(state, now);
  const { source } = event;
  noteArrival(state.freshness[source], event.ts, state.now);
  if (isCaseSource(source)) return applyCaseEvent(state, event, source);
  const figures = figuresOn(state, event.ts);
  if (!figures) return 'too_old';
  if (event.status === 'closed') closeFrom(state, event);
  else countOccurrence(state, event, source, figures);
  return 'applied';
}

/** Counts records of a source that could not be read and were skipped, on the day they were read. */
export function recordSkipped(state: RelayState, source: Source, records: number, now: number): void {
  advanceClock(state, now);
  state.today.skipped[source] += records;
}

/** Counts a message the ingest edge refused, on the day it arrived. */
export function recordRejected(state: RelayState, reason: RejectReason, now: number): void {
  advanceClock(state, now);
  state.today.rejected[reason]++;
}
