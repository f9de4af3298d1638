import { describe, expect, it } from 'vitest';
import { advanceClock, applyEvent, snapshot } from '../../../relay/state/index.ts';
import { HOUR, MINUTE, closing, compoundAt, event, newState, shanghai } from './helpers.ts';

const EVENING = shanghai('2024-05-01 23:00');
const AFTER_MIDNIGHT = shanghai('2024-05-02 00:10');

describe('midnight rollover', () => {
  it('midnightRolloverKeepsYesterday', () => {
    const state = newState(EVENING);
    applyEvent(state, event({ kind: 'theft', ts: EVENING }), EVENING);
    applyEvent(state, event({ kind: 'face_access', ts: EVENING }), EVENING);
    expect(advanceClock(state, shanghai('2024-05-01 23:59:59.999'))).toBe(false);
    expect(advanceClock(state, shanghai('2024-05-02 00:00'))).toBe(true);
    const view = snapshot(state, AFTER_MIDNIGHT);
    expect(view.day).toBe('2024-05-02');
    expect(view.totals).toEqual({ sensor: 0, camera: 0, alarm110: 0, grid: 0, hotline: 0 });
    expect(view.hourly.alarm110.every((n) => n === 0)).toBe(true);
    expect(view.compounds.every((c) => c.today === 0 && c.alerts === 0)).toBe(true);
    expect(view.yesterday.day).toBe('2024-05-01');
    expect(view.yesterday.totals).toEqual({ sensor: 0, camera: 1, alarm110: 1, grid: 0, hotline: 0 });
    expect(view.yesterday.byKind.theft).toBe(1);
    expect(view.yesterday.hourly.alarm110[23]).toBe(1);
  });

  it('applyEventRollsTheDayOverByItself', () => {
    const state = newState(EVENING);
    applyEvent(state, event({ kind: 'theft', ts: EVENING }), EVENING);
    applyEvent(state, event({ kind: 'theft', ts: AFTER_MIDNIGHT }), AFTER_MIDNIGHT);
    const view = snapshot(state, AFTER_MIDNIGHT);
    expect([view.day, view.totals.alarm110]).toEqual(['2024-05-02', 1]);
    expect([view.yesterday.day, view.yesterday.totals.alarm110]).toEqual(['2024-05-01', 1]);
  });

  it('openIncidentsStayOpenAcrossMidnight', () => {
    const state = newState(EVENING);
    const fire = event({ kind: 'smoke', ts: EVENING, compoundId: compoundAt(2) });
    applyEvent(state, fire, EVENING);
    let view = snapshot(state, AFTER_MIDNIGHT);
    expect(view.open.total).toBe(1);
    expect(view.compounds[2]).toMatchObject({ today: 0, open: 1, critical: 1, level: 2 });

    applyEvent(state, closing(fire, AFTER_MIDNIGHT), AFTER_MIDNIGHT);
    view = snapshot(state, AFTER_MIDNIGHT);
    expect(view.open.total).toBe(0);
    expect(view.compounds[2]?.level).toBe(0);
    expect(view.closure).toMatchObject({ closed: 1, opened: 0, closedOfOpened: 0 });
    expect(view.closure.medianMs).toBe(70 * MINUTE);
    // Yesterday's closure rate still rises as yesterday's incidents get closed.
    expect(view.yesterday.closure).toMatchObject({ opened: 1, closed: 0, closedOfOpened: 1, rate: 1 });
  });

  it('lateEventCountsToYesterday', () => {
    const state = newState(AFTER_MIDNIGHT);
    const ts = shanghai('2024-05-01 23:59');
    const late = event({ kind: 'burglary', ts, compoundId: compoundAt(4) });
    expect(applyEvent(state, late, AFTER_MIDNIGHT)).toBe('applied');
    const view = snapshot(state, AFTER_MIDNIGHT);
    expect(view.totals.alarm110).toBe(0);
    expect(view.yesterday.totals.alarm110).toBe(1);
    expect(view.yesterday.byKind.burglary).toBe(1);
    expect(view.yesterday.hourly.alarm110[23]).toBe(1);
    expect(view.compounds[4]).toMatchObject({ today: 0, open: 1, level: 2 }); // open now, though
    expect(view.feed.map((item) => item.id)).toEqual([late.id]);
  });

  it('eventOlderThanYesterdayIsIgnoredButStillDeduplicated', () => {
    const state = newState(AFTER_MIDNIGHT);
    const old = event({ kind: 'burglary', ts: shanghai('2024-04-30 23:59') });
    expect(applyEvent(state, old, AFTER_MIDNIGHT)).toBe('too_old');
    expect(applyEvent(state, old, AFTER_MIDNIGHT)).toBe('duplicate');
    const view = snapshot(state, AFTER_MIDNIGHT);
    expect(view.totals.alarm110 + view.yesterday.totals.alarm110).toBe(0);
    expect(view.open.total).toBe(0);
    expect(view.feed).toEqual([]);
    expect(view.freshness.alarm110.receivedAt).toBe(AFTER_MIDNIGHT); // the feed is alive
  });

  it('aGapOfDaysLeavesYesterdayEmpty', () => {
    const state = newState(EVENING);
    applyEvent(state, event({ kind: 'theft', ts: EVENING }), EVENING);
    const view = snapshot(state, EVENING + 3 * 24 * HOUR);
    expect(view.day).toBe('2024-05-04');
    expect(view.yesterday.day).toBe('2024-05-03');
    expect(view.yesterday.totals.alarm110).toBe(0);
    expect(view.open.total).toBe(1);
  });

  it('rolloverFollowsTheConfiguredZone', () => {
    const utcEvening = Date.UTC(2024, 4, 1, 23, 0);
    const state = newState(utcEvening, { timeZone: 'UTC' });
    applyEvent(state, event({ kind: 'theft', ts: utcEvening }), utcEvening);
    expect(snapshot(state, Date.UTC(2024, 4, 1, 23, 59)).day).toBe('2024-05-01');
    const view = snapshot(state, Date.UTC(2024, 4, 2, 0, 0));
    expect([view.day, view.yesterday.totals.alarm110]).toEqual(['2024-05-02', 1]);
  });

  it('anEarlierNowDoesNotTurnTheClockBack', () => {
    const state = newState(AFTER_MIDNIGHT);
    expect(snapshot(state, EVENING).day).toBe('2024-05-02');
    expect(snapshot(state, EVENING).at).toBe(AFTER_MIDNIGHT);
  });
});
