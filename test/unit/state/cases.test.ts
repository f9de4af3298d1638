import { describe, expect, it } from 'vitest';
import { applyDelta } from '../../../relay/protocol/applyDelta.ts';
import { applyEvent, snapshot, takeDelta, type ApplyOutcome } from '../../../relay/state/index.ts';
import { HOUR, INDEX, MINUTE, NOON, compoundAt, event, newState, shanghai, stepOf } from './helpers.ts';

const DAY = 24 * HOUR;
const place = (id: string) => INDEX.compounds.get(id)!.properties;

function refusal(outcome: ApplyOutcome): string | null {
  return typeof outcome === 'object' ? outcome.reason : null;
}

describe('grid and hotline cases', () => {
  it('countsAnOpeningAsAcceptedTodayAndOpen', () => {
    const state = newState();
    const compoundId = compoundAt(4);
    expect(applyEvent(state, event({ kind: 'rubbish_pile', compoundId }), NOON)).toBe('applied');
    applyEvent(state, event({ kind: 'noise', compoundId }), NOON);
    const view = snapshot(state, NOON);
    expect(view.totals).toMatchObject({ grid: 1, hotline: 1, sensor: 0 });
    expect(view.byKind).toMatchObject({ rubbish_pile: 1, noise: 1 });
    expect(view.hourly.grid[12]).toBe(1);
    expect(view.alerts.grid).toBe(0);
    // Cases are neither incidents nor alarms: the incident panel and alert levels ignore them.
    expect(view.open.total).toBe(0);
    expect(view.compounds[4]).toMatchObject({ today: 0, open: 0, level: 0 });
    expect(view.cases.grid).toMatchObject({ open: 1, overdue: 0, today: { accepted: 1, closed: 0, rates: { closure: 0 } } });
    expect(view.cases.grid.year).toMatchObject({ accepted: 1 });
    expect(view.cases.hotline.today).toMatchObject({ accepted: 1, rates: { contact: 0, onTime: null, resolution: null, satisfaction: null } });
    expect(view.cases.feed.map((item) => [item.kind, item.step])).toEqual([
      ['noise', null],
      ['rubbish_pile', null],
    ]);
  });

  it('ratesFollowTheStepsOfTheCohort', () => {
    const state = newState();
    const calls = Array.from({ length: 4 }, (_, i) => event({ kind: 'property_service', compoundId: compoundAt(i), ts: NOON - HOUR }));
    for (const call of calls) applyEvent(state, call, NOON);
    calls.forEach((call, i) => {
      applyEvent(state, stepOf(call, { stage: 'contacted' }, NOON + MINUTE), NOON);
      if (i < 3) applyEvent(state, stepOf(call, { stage: 'finished', onTime: i < 2 }, NOON + HOUR), NOON);
      if (i < 2) applyEvent(state, stepOf(call, { stage: 'reviewed', resolved: i === 0, satisfied: true }, NOON + 2 * HOUR), NOON);
    });
    const today = snapshot(state, NOON).cases.hotline.today;
    expect(today).toMatchObject({ accepted: 4, contacted: 4, finished: 3, onTime: 2, reviewed: 2, resolved: 1, satisfied: 2 });
    expect(today.rates).toEqual({ contact: 1, onTime: 2 / 3, resolution: 0.5, satisfaction: 1 });
  });

  it('closesAGridCaseThroughItsStagesAndMaySkipOne', () => {
    const state = newState();
    const spill = event({ kind: 'street_trading' });
    const clutter = event({ kind: 'stairwell_clutter' });
    applyEvent(state, spill, NOON);
    applyEvent(state, clutter, NOON);
    for (const stage of ['dispatched', 'handled', 'closed'] as const) applyEvent(state, stepOf(spill, { stage }, NOON), NOON);
    // Handled on the spot by the inspector: never dispatched.
    expect(applyEvent(state, stepOf(clutter, { stage: 'handled' }, NOON), NOON)).toBe('applied');
    const grid = snapshot(state, NOON).cases.grid;
    expect(grid).toMatchObject({ open: 1, today: { accepted: 2, dispatched: 1, handled: 2, closed: 1, rates: { closure: 0.5 } } });
    expect(snapshot(state, NOON).totals.grid).toBe(2); // steps are not events
  });

  it('refusesStepsItCannotTake', () => {
    const state = newState();
    const noise = event({ kind: 'noise' });
    applyEvent(state, noise, NOON);
    applyEvent(state, stepOf(noise, { stage: 'finished', onTime: true }, NOON), NOON);
    const before = snapshot(state, NOON).cases;
    const ghost = event({ kind: 'noise', id: 'never-opened' });
    expect(refusal(applyEvent(state, stepOf(ghost, { stage: 'contacted' }, NOON), NOON))).toBe('unknown_case');
    expect(refusal(applyEvent(state, stepOf(noise, { stage: 'contacted' }, NOON), NOON))).toBe('stage_out_of_order');
    const again = { ...stepOf(noise, { stage: 'finished', onTime: true }, NOON), id: 'finished-again' };
    expect(refusal(applyEvent(state, again, NOON))).toBe('stage_out_of_order');
    const otherKind = { ...stepOf(noise, { stage: 'reviewed', resolved: true, satisfied: true }, NOON), kind: 'sanitation' as const };
    const outcome = applyEvent(state, otherKind, NOON);
    expect(outcome).toMatchObject({ reason: 'case_kind_mismatch', detail: expect.stringMatching(/noise/) });
    applyEvent(state, stepOf(noise, { stage: 'closed' }, NOON), NOON);
    const late = { ...stepOf(noise, { stage: 'reviewed', resolved: true, satisfied: true }, NOON), id: 'after-close' };
    expect(refusal(applyEvent(state, late, NOON))).toBe('stage_out_of_order');
    const after = snapshot(state, NOON).cases;
    expect(after.hotline.today).toEqual({ ...before.hotline.today, closed: 1 });
  });

  it('turnsOverdueWithTimeAloneAndBackOnItsDeadlineStage', () => {
    const state = newState();
    const compoundId = compoundAt(7);
    const { committeeId, areaId } = place(compoundId);
    const pile = event({ kind: 'rubbish_pile', compoundId, ts: NOON }); // 24 h deadline
    const building = event({ kind: 'illegal_building', compoundId, ts: NOON }); // 168 h
    applyEvent(state, pile, NOON);
    applyEvent(state, building, NOON);
    takeDelta(state, NOON);
    expect(snapshot(state, NOON + DAY - MINUTE).cases.grid).toMatchObject({ open: 2, overdue: 0 });
    const delta = takeDelta(state, NOON + DAY + MINUTE);
    expect(delta.cases?.grid).toMatchObject({ open: 2, overdue: 1 });
    const byId = (list: { id: string }[] | undefined, id: string) => list?.find((entry) => entry.id === id);
    expect(byId(delta.cases?.compounds, compoundId)).toMatchObject({ grid: { open: 2, overdue: 1 } });
    expect(byId(delta.cases?.committees, committeeId)).toMatchObject({ grid: { open: 2, overdue: 1 } });
    expect(byId(delta.cases?.areas, areaId)).toMatchObject({ grid: { open: 2, overdue: 1 } });
    // Handled late: no longer overdue, still open until closed.
    applyEvent(state, stepOf(pile, { stage: 'handled' }, NOON + DAY + HOUR), NOON + DAY + HOUR);
    expect(snapshot(state, NOON + DAY + HOUR).cases.grid).toMatchObject({ open: 2, overdue: 0 });
    applyEvent(state, stepOf(pile, { stage: 'closed' }, NOON + DAY + 2 * HOUR), NOON + DAY + 2 * HOUR);
    expect(snapshot(state, NOON + 8 * DAY).cases.grid).toMatchObject({ open: 1, overdue: 1 });
  });

  it('countsAStepToTheCohortItsCaseWasAcceptedIn', () => {
    const now = shanghai('2024-05-03 09:00');
    const state = newState(now);
    const yesterday = event({ kind: 'broken_facility', ts: shanghai('2024-05-02 15:00') });
    const march = event({ kind: 'broken_facility', ts: shanghai('2024-03-20 10:00') });
    const lastYear = event({ kind: 'broken_facility', ts: shanghai('2023-12-28 10:00') });
    for (const opened of [yesterday, march, lastYear]) {
      expect(applyEvent(state, opened, now)).toBe('applied');
      applyEvent(state, stepOf(opened, { stage: 'closed' }, now - MINUTE), now);
    }
    const view = snapshot(state, now);
    expect(view.cases.grid.today).toMatchObject({ accepted: 0, closed: 0 });
    expect(view.cases.grid.yesterday).toMatchObject({ accepted: 1, closed: 1 });
    expect(view.cases.grid.year).toMatchObject({ accepted: 2, closed: 2, rates: { closure: 1 } });
    expect(view.cases.grid.open).toBe(0);
    expect([view.totals.grid, view.yesterday.totals.grid]).toEqual([0, 1]);
  });

  it('takesCasesBackToItsHorizonOnly', () => {
    const state = newState(shanghai('2024-05-01 12:00'), { caseLookbackDays: 10 });
    const horizon = shanghai('2023-12-22 00:00');
    expect(snapshot(state, NOON).cases.since).toBe(horizon);
    expect(applyEvent(state, event({ kind: 'enquiry', ts: horizon - 1 }), NOON)).toBe('too_old');
    expect(applyEvent(state, event({ kind: 'enquiry', ts: horizon }), NOON)).toBe('applied');
    expect(snapshot(state, NOON).cases.hotline).toMatchObject({ open: 1, year: { accepted: 0 } });
  });

  it('startsANewYearOnTheFirstOfJanuary', () => {
    const eve = shanghai('2024-12-31 23:00');
    const state = newState(eve);
    const pile = event({ kind: 'parking_disorder', ts: eve });
    applyEvent(state, pile, eve);
    const newYear = shanghai('2025-01-01 00:30');
    applyEvent(state, stepOf(pile, { stage: 'dispatched' }, newYear), newYear);
    const view = snapshot(state, newYear);
    expect(view.cases.year).toBe('2025');
    expect(view.cases.since).toBe(shanghai('2024-10-01 00:00')); // 92 days before
    expect(view.cases.grid.year).toMatchObject({ accepted: 0, dispatched: 0 });
    expect(view.cases.grid.yesterday).toMatchObject({ accepted: 1, dispatched: 1 });
    expect(view.cases.grid.open).toBe(1);
  });

  it('keepsAtMostMaxCasesAndForgetsTheFirst', () => {
    const state = newState(NOON, { maxCases: 3 });
    const calls = Array.from({ length: 4 }, (_, i) => event({ kind: 'home_repair', compoundId: compoundAt(i) }));
    for (const call of calls) applyEvent(state, call, NOON);
    const view = snapshot(state, NOON).cases;
    expect(view.evicted).toBe(1);
    expect(view.hotline).toMatchObject({ open: 3, today: { accepted: 4 } });
    expect(view.compounds[0]?.hotline.open).toBe(0);
    expect(refusal(applyEvent(state, stepOf(calls[0]!, { stage: 'contacted' }, NOON), NOON))).toBe('unknown_case');
  });

  it('sendsOnlyThePlacesWhoseCasesChanged', () => {
    const state = newState();
    takeDelta(state, NOON);
    const compoundId = compoundAt(12);
    applyEvent(state, event({ kind: 'sanitation', compoundId }), NOON + 100);
    const delta = takeDelta(state, NOON + 250);
    const { committeeId, areaId } = place(compoundId);
    expect(delta.cases?.compounds?.map((c) => c.id)).toEqual([compoundId]);
    expect(delta.cases?.committees?.map((c) => c.id)).toEqual([committeeId]);
    expect(delta.cases?.areas?.map((c) => c.id)).toEqual([areaId]);
    expect(delta.cases?.feed).toHaveLength(1);
    expect(delta.cases?.grid).toBeUndefined();
    expect(takeDelta(state, NOON + 500).cases).toBeUndefined();
  });

  it('sendsAPlaceAsAPatchOfTheCountsThatChangedWithTheFiguresThatMoveBothWays', () => {
    const state = newState();
    const compoundId = compoundAt(12);
    applyEvent(state, event({ kind: 'sanitation', compoundId }), NOON);
    takeDelta(state, NOON);
    applyEvent(state, event({ kind: 'rubbish_pile', compoundId }), NOON + 100);
    const patch = takeDelta(state, NOON + 250).cases?.compounds?.[0];
    // Only the grid moved, and of its cohorts only the counts that changed (rates follow from them).
    expect(patch).toEqual({ id: compoundId, grid: { today: { accepted: 1 }, year: { accepted: 1 }, open: 1, overdue: 0 } });
  });

  it('aSnapshotBetweenTicksConvergesWhenAPlacesOpenCasesComeBackToWhatWasSent', () => {
    const state = newState();
    const compoundId = compoundAt(30);
    takeDelta(state, NOON);
    const spill = event({ kind: 'street_trading', compoundId });
    applyEvent(state, spill, NOON + 50);
    takeDelta(state, NOON + 100);
    const other = event({ kind: 'stairwell_clutter', compoundId });
    applyEvent(state, other, NOON + 150);
    const joiner = snapshot(state, NOON + 150); // two open
    applyEvent(state, stepOf(spill, { stage: 'closed' }, NOON + 200), NOON + 200);
    const delta = takeDelta(state, NOON + 250); // one open again, as the last tick sent
    expect(applyDelta(joiner, delta)).toEqual(snapshot(state, NOON + 250));
  });
});
