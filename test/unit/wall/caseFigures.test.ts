// The management panel's and the map's case figures come from the relay's view alone.
import { describe, expect, it } from 'vitest';
import { applyEvent, snapshot } from '../../../relay/state/index.ts';
import { markerRadius, caseMarkers, sameMarkers } from '../../../wall/layers/caseMarkers.ts';
import { caseFigures } from '../../../wall/store/caseFigures.ts';
import { HOUR, INDEX, NOON, compoundAt, event, newState, shanghai, stepOf } from '../state/helpers.ts';

describe('grid and hotline figures on the wall', () => {
  it('givesTodayAgainstYesterdayOpenOverdueAndEachRateForTheYearAndToday', () => {
    const state = newState(NOON);
    const yesterday = shanghai('2024-04-30 09:00');
    applyEvent(state, event({ kind: 'rubbish_pile', ts: yesterday }), NOON);
    applyEvent(state, event({ kind: 'rubbish_pile', ts: yesterday + HOUR }), NOON);
    const pile = event({ kind: 'rubbish_pile', ts: NOON - 2 * HOUR });
    applyEvent(state, pile, NOON);
    applyEvent(state, stepOf(pile, { stage: 'closed' }, NOON - HOUR), NOON);
    const call = event({ kind: 'noise', ts: NOON - HOUR });
    applyEvent(state, call, NOON);
    applyEvent(state, stepOf(call, { stage: 'contacted' }, NOON), NOON);
    const figures = caseFigures(snapshot(state, NOON), 0.5);
    expect(figures.year).toBe('2024');
    const [grid, hotline] = figures.sources;
    // Yesterday by noon: both of its cases (09:00, 10:00), open and past their 24 hours; today one, closed.
    expect(grid).toMatchObject({ source: 'grid', accepted: 1, change: -0.5, open: 2, overdue: 2, yearAccepted: 3 });
    expect(grid?.rates).toEqual([{ id: 'closure', label: { zh: '结案率', en: 'Closure rate' }, today: 1, year: 1 / 3 }]);
    expect(hotline).toMatchObject({ source: 'hotline', accepted: 1, change: null, open: 1, overdue: 0 });
    expect(hotline?.rates.map((rate) => [rate.id, rate.today, rate.year])).toEqual([
      ['contact', 1, 1],
      ['onTime', null, null],
      ['resolution', null, null],
      ['satisfaction', null, null],
    ]);
  });

  it('ringsEachCompoundWithOpenCasesSizedAgainstTheBusiest', () => {
    const state = newState(NOON);
    for (let i = 0; i < 4; i++) applyEvent(state, event({ kind: 'parking_disorder', compoundId: compoundAt(1), ts: NOON - 30 * HOUR }), NOON);
    applyEvent(state, event({ kind: 'enquiry', compoundId: compoundAt(2) }), NOON);
    const view = snapshot(state, NOON);
    const markers = caseMarkers(view.cases.compounds, INDEX.labelPoints);
    expect(markers.map(({ compoundId, open, overdue }) => [compoundId, open, overdue])).toEqual([
      [compoundAt(1), 4, 4],
      [compoundAt(2), 1, 0],
    ]);
    expect(markers[0]?.radius).toBe(markerRadius(4, 4));
    expect(markers[1]?.radius).toBeLessThan(markers[0]!.radius);
    expect(markers[1]?.coreRadius).toBe(0);
    expect(sameMarkers(markers, caseMarkers(view.cases.compounds, INDEX.labelPoints))).toBe(true);
  });
});
