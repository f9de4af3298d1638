import { describe, expect, it } from 'vitest';
import { applyEvent, snapshot } from '../../../relay/state/index.ts';
import { HOUR, MINUTE, NOON, closing, compoundAt, event, newState } from './helpers.ts';

describe('incidents', () => {
  it('closeClosesItsIncident', () => {
    const state = newState();
    const smoke = event({ kind: 'smoke' });
    applyEvent(state, smoke, NOON);
    expect(snapshot(state, NOON).open.total).toBe(1);
    applyEvent(state, closing(smoke, NOON + 7 * MINUTE), NOON + 7 * MINUTE);
    const view = snapshot(state, NOON + 7 * MINUTE);
    expect(view.open.total).toBe(0);
    expect(view.closure).toMatchObject({ opened: 1, closed: 1, closedOfOpened: 1, rate: 1 });
    expect(view.closure.medianMs).toBe(7 * MINUTE);
  });

  it('closeBeforeOpenStillCloses', () => {
    const state = newState();
    const theft = event({ kind: 'theft', compoundId: compoundAt(3), ts: NOON });
    applyEvent(state, closing(theft, NOON + 20 * MINUTE), NOON + 21 * MINUTE);
    let view = snapshot(state, NOON + 21 * MINUTE);
    expect(view.closure.closed).toBe(0); // nothing to close yet
    expect(view.totals.alarm110).toBe(0);

    applyEvent(state, theft, NOON + 22 * MINUTE);
    view = snapshot(state, NOON + 22 * MINUTE);
    expect(view.open.total).toBe(0);
    expect(view.totals.alarm110).toBe(1);
    expect(view.closure).toMatchObject({ opened: 1, closed: 1, closedOfOpened: 1 });
    expect(view.closure.medianMs).toBe(20 * MINUTE);
    expect(view.compounds.find((c) => c.id === theft.compoundId)).toMatchObject({ open: 0, level: 0 });
  });

  it('closeWhoseOpenNeverComesClosesNothing', () => {
    const state = newState();
    applyEvent(state, event({ kind: 'dispute', status: 'closed', ref: 'never-opened' }), NOON);
    const view = snapshot(state, NOON);
    expect(view.closure.closed).toBe(0);
    expect(view.open.total).toBe(0);
  });

  it('timeToCloseGivesNearestRankMedianAndP90', () => {
    const state = newState();
    for (let minutes = 1; minutes <= 10; minutes++) {
      const opened = event({ kind: 'door_open', ts: NOON });
      applyEvent(state, opened, NOON);
      applyEvent(state, closing(opened, NOON + minutes * MINUTE), NOON + HOUR);
    }
    const { closure } = snapshot(state, NOON + HOUR);
    expect(closure.medianMs).toBe(5 * MINUTE);
    expect(closure.p90Ms).toBe(9 * MINUTE);
  });

  it('timeToCloseSampleKeepsTheLatestCloses', () => {
    const state = newState(NOON, { closeSampleSize: 4 });
    for (let minutes = 1; minutes <= 10; minutes++) {
      const opened = event({ kind: 'door_open', ts: NOON });
      applyEvent(state, opened, NOON);
      applyEvent(state, closing(opened, NOON + minutes * MINUTE), NOON + HOUR);
    }
    const { closure } = snapshot(state, NOON + HOUR);
    expect(closure.closed).toBe(10);
    expect(closure.medianMs).toBe(8 * MINUTE); // of 7, 8, 9, 10
    expect(closure.p90Ms).toBe(10 * MINUTE);
  });

  it('closureRateIsTheShareOfTodaysIncidentsClosed', () => {
    const state = newState();
    const today = [1, 2, 3, 4].map(() => event({ kind: 'street_vendor' }));
    for (const e of today) applyEvent(state, e, NOON);
    const older = event({ kind: 'street_vendor', ts: NOON - 20 * HOUR }); // yesterday
    applyEvent(state, older, NOON);
    applyEvent(state, closing(today[0] ?? older, NOON + MINUTE), NOON + MINUTE);
    applyEvent(state, closing(older, NOON + MINUTE), NOON + MINUTE);
    const view = snapshot(state, NOON + MINUTE);
    expect(view.closure).toMatchObject({ opened: 4, closed: 2, closedOfOpened: 1, rate: 0.25 });
    expect(view.yesterday.closure).toMatchObject({ opened: 1, closed: 0, closedOfOpened: 1, rate: 1 });
  });

  it('openIncidentsAreGroupedBySeverityAndAge', () => {
    const state = newState();
    const ages = [10 * MINUTE, 2 * HOUR, 5 * HOUR, 30 * HOUR];
    for (const age of ages) {
      applyEvent(state, event({ kind: 'elderly_inactivity', ts: NOON - age }), NOON);
    }
    applyEvent(state, event({ kind: 'elderly_sos', ts: NOON }), NOON);
    applyEvent(state, event({ kind: 'smoke', severity: 'info', ts: NOON }), NOON);
    const { open } = snapshot(state, NOON);
    expect(open.total).toBe(6);
    expect(open.bySeverity).toEqual({ info: 1, warning: 4, critical: 1 });
    expect(open.ageBands).toEqual([3, 1, 1, 1]);
    expect(open.oldestOpenedAt).toBe(NOON - 30 * HOUR);
  });

  it('openIncidentsAreBounded', () => {
    const state = newState(NOON, { maxOpenIncidents: 3 });
    const opened = [0, 1, 2, 3, 4].map((i) => event({ kind: 'smoke', compoundId: compoundAt(i) }));
    for (const e of opened) applyEvent(state, e, NOON);
    const view = snapshot(state, NOON);
    expect(view.open.total).toBe(3);
    expect(view.open.evicted).toBe(2);
    // The two earliest were dropped, and their compounds no longer show them.
    expect(view.compounds.slice(0, 5).map((c) => c.open)).toEqual([0, 0, 1, 1, 1]);
    expect(view.areas.reduce((sum, area) => sum + area.open, 0)).toBe(3);
  });

  it('pendingClosesAreBounded', () => {
    const state = newState(NOON, { maxPendingCloses: 2 });
    const opened = ['a', 'b', 'c'].map((id) => event({ id, kind: 'theft' }));
    for (const e of opened) applyEvent(state, closing(e, NOON + MINUTE), NOON);
    for (const e of opened) applyEvent(state, e, NOON + 2 * MINUTE);
    const view = snapshot(state, NOON + 2 * MINUTE);
    expect(view.closure.closed).toBe(2);
    expect(view.open.total).toBe(1); // the close of 'a' was dropped first
    expect(state.incidents.open.has('a')).toBe(true);
  });

  it('incidentKindWithoutOpenStatusIsNotAnIncident', () => {
    const state = newState();
    applyEvent(state, event({ kind: 'vehicle_pass' }), NOON);
    expect(snapshot(state, NOON).open.total).toBe(0);
  });
});
