import { describe, expect, it } from 'vitest';
import { KINDS } from '../../../relay/contract/kinds.ts';
import { applyEvent, recordRejected, snapshot } from '../../../relay/state/index.ts';
import { HOUR, MINUTE, NOON, closing, event, newState, shanghai } from './helpers.ts';

describe("today's counts", () => {
  it('countsPerSourceAndKind', () => {
    const state = newState();
    const kinds = ['smoke', 'smoke', 'door_open', 'face_access', 'watchlist_hit', 'theft'] as const;
    for (const kind of kinds) applyEvent(state, event({ kind }), NOON);
    const view = snapshot(state, NOON);
    expect(view.totals).toEqual({ sensor: 3, camera: 2, alarm110: 1, grid: 0, hotline: 0 });
    expect(Object.keys(view.byKind).sort()).toEqual([...KINDS].sort());
    expect(view.byKind).toMatchObject({
      smoke: 2,
      door_open: 1,
      face_access: 1,
      watchlist_hit: 1,
      theft: 1,
    });
    expect(view.byKind.gas_leak).toBe(0);
  });

  it('passesAreNotCameraAlerts', () => {
    const state = newState();
    for (const kind of ['face_access', 'vehicle_pass', 'person_pass', 'high_altitude_throw'] as const) {
      applyEvent(state, event({ kind }), NOON);
    }
    const view = snapshot(state, NOON);
    expect(view.totals.camera).toBe(4);
    expect(view.alerts).toEqual({ sensor: 0, camera: 1, alarm110: 0, grid: 0, hotline: 0 });
  });

  it('closedFollowUpsAreNotCountedAsEvents', () => {
    const state = newState();
    const opened = event({ kind: 'dispute' });
    applyEvent(state, opened, NOON);
    applyEvent(state, closing(opened, NOON + MINUTE), NOON + MINUTE);
    const view = snapshot(state, NOON + MINUTE);
    expect(view.totals.alarm110).toBe(1);
    expect(view.byKind.dispute).toBe(1);
    expect(view.alerts.alarm110).toBe(1);
    expect(view.hourly.alarm110[12]).toBe(1);
  });

  it('hourlyBucketsFollowLocalHours', () => {
    const state = newState(shanghai('2024-05-01 23:59'));
    for (const time of ['00:00', '00:59', '07:30', '23:59']) {
      applyEvent(state, event({ kind: 'theft', ts: shanghai(`2024-05-01 ${time}`) }), state.now);
    }
    const { hourly } = snapshot(state, state.now);
    expect(hourly.alarm110).toHaveLength(24);
    expect(hourly.alarm110[0]).toBe(2);
    expect(hourly.alarm110[7]).toBe(1);
    expect(hourly.alarm110[23]).toBe(1);
    expect(hourly.alarm110.reduce((a, b) => a + b, 0)).toBe(4);
    expect(hourly.sensor.every((n) => n === 0)).toBe(true);
  });

  it('eventStampedJustAfterMidnightCountsToTodayUntilMidnight', () => {
    // Producer clocks may run a few minutes ahead; such an event is not lost.
    const now = shanghai('2024-05-01 23:58');
    const state = newState(now);
    applyEvent(state, event({ kind: 'theft', ts: shanghai('2024-05-02 00:02') }), now);
    const view = snapshot(state, now);
    expect(view.day).toBe('2024-05-01');
    expect(view.totals.alarm110).toBe(1);
    expect(view.hourly.alarm110[23]).toBe(1);
  });

  it('freshnessKeepsTheNewestTsAndTheLastArrival', () => {
    const state = newState();
    applyEvent(state, event({ kind: 'face_access', ts: NOON }), NOON + 100);
    applyEvent(state, event({ kind: 'face_access', ts: NOON - HOUR }), NOON + 200);
    const view = snapshot(state, NOON + 300);
    expect(view.freshness.camera).toEqual({ lastTs: NOON, receivedAt: NOON + 200 });
    expect(view.freshness.sensor).toEqual({ lastTs: null, receivedAt: null });
  });

  it('rejectsAreCountedByReason', () => {
    const state = newState();
    recordRejected(state, 'invalid_json', NOON);
    recordRejected(state, 'invalid_json', NOON);
    recordRejected(state, 'unknown_kind', NOON);
    const { rejected } = snapshot(state, NOON);
    expect(rejected.invalid_json).toBe(2);
    expect(rejected.unknown_kind).toBe(1);
    expect(rejected.oversized).toBe(0);
  });
});
