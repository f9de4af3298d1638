import { describe, expect, it } from 'vitest';
import { applyEvent, snapshot } from '../../../relay/state/index.ts';
import { incidentFigures, sourceCounters, trendSeries } from '../../../wall/store/figures.ts';
import { HOUR, NOON, closing, compoundAt, event, newState, shanghai } from '../state/helpers.ts';

describe('figures derived from the relay view', () => {
  it('countsAlertsPerSourceWithoutPasses', () => {
    const state = newState();
    for (let i = 0; i < 3; i++) applyEvent(state, event({ kind: 'smoke' }), NOON);
    applyEvent(state, event({ kind: 'face_access' }), NOON);
    applyEvent(state, event({ kind: 'watchlist_hit' }), NOON);
    const [sensor, camera, alarm110] = sourceCounters(snapshot(state, NOON), 0.5);
    expect(sensor).toMatchObject({ source: 'sensor', alerts: 3 });
    expect(camera).toMatchObject({ source: 'camera', alerts: 1 });
    expect(alarm110).toMatchObject({ source: 'alarm110', alerts: 0 });
  });

  it('comparesWithYesterdayUpToTheSameTime', () => {
    const yesterdayMorning = shanghai('2024-04-30 09:30');
    const state = newState(yesterdayMorning);
    for (let i = 0; i < 4; i++) applyEvent(state, event({ kind: 'theft', ts: yesterdayMorning }), yesterdayMorning);
    applyEvent(state, event({ kind: 'theft', ts: shanghai('2024-04-30 20:00') }), shanghai('2024-04-30 20:00'));
    for (let i = 0; i < 6; i++) applyEvent(state, event({ kind: 'theft', ts: NOON }), NOON);
    const alarm110 = sourceCounters(snapshot(state, NOON), 0.5).find((c) => c.source === 'alarm110');
    expect(alarm110).toMatchObject({ alerts: 6, yesterdaySoFar: 4, change: 0.5 });
  });

  it('takesOpenIncidentsClosureAndTimeToCloseFromTheView', () => {
    const state = newState();
    const opened = event({ kind: 'gas_leak' });
    applyEvent(state, opened, NOON);
    applyEvent(state, event({ kind: 'door_open', compoundId: compoundAt(2) }), NOON);
    applyEvent(state, closing(opened, NOON + 30 * 60_000), NOON + 30 * 60_000);
    expect(incidentFigures(snapshot(state, NOON + HOUR))).toEqual({
      open: 1,
      openCritical: 0,
      closureRate: 0.5,
      opened: 2,
      closedOfOpened: 1,
      medianCloseMs: 30 * 60_000,
    });
  });

  it('drawsTodaysTrendOnlyUpToTheCurrentHour', () => {
    const state = newState();
    applyEvent(state, event({ kind: 'smoke', ts: NOON - HOUR }), NOON);
    const sensor = trendSeries(snapshot(state, NOON), 12.5 / 24).find((s) => s.source === 'sensor')!;
    expect(sensor.today).toHaveLength(13);
    expect(sensor.today[11]).toBe(1);
    expect(sensor.yesterday).toHaveLength(24);
  });
});
