import { describe, expect, it } from 'vitest';
import { applyDelta, applyEvent, snapshot, takeDelta } from '../../../relay/state/index.ts';
import { INDEX, MINUTE, NOON, closing, compoundAt, event, newState } from './helpers.ts';

describe('feed', () => {
  it('feedIsBounded', () => {
    const state = newState(NOON, { feedSize: 5 });
    const alarms = Array.from({ length: 12 }, (_, i) => event({ kind: 'smoke', ts: NOON + i }));
    for (const alarm of alarms) applyEvent(state, alarm, NOON + MINUTE);
    const { feed, feedSize } = snapshot(state, NOON + MINUTE);
    expect(feedSize).toBe(5);
    expect(feed.map((item) => item.id)).toEqual(alarms.slice(7).reverse().map((a) => a.id));
    expect(feed.map((item) => item.no)).toEqual([12, 11, 10, 9, 8]);
  });

  it('feedHoldsWarningsAndCriticalsOnly', () => {
    const state = newState();
    const warning = event({ kind: 'street_vendor' });
    const critical = event({ kind: 'watchlist_hit' });
    const info = [event({ kind: 'face_access' }), event({ kind: 'smoke', severity: 'info' })];
    for (const e of [warning, ...info, critical]) applyEvent(state, e, NOON);
    applyEvent(state, closing(critical, NOON + MINUTE), NOON + MINUTE);
    const { feed } = snapshot(state, NOON + MINUTE);
    expect(feed.map((item) => [item.id, item.severity])).toEqual([
      [critical.id, 'critical'],
      [warning.id, 'warning'],
    ]);
  });

  it('feedItemCarriesCompoundNameAndNoteAsGiven', () => {
    const state = newState();
    const note = '<img src=x onerror=alert(1)> 3号楼楼道';
    applyEvent(state, event({ kind: 'ebike_charging', compoundId: compoundAt(9), note }), NOON);
    const [item] = snapshot(state, NOON).feed;
    expect(item).toMatchObject({
      kind: 'ebike_charging',
      severity: 'warning',
      source: 'sensor',
      compoundId: compoundAt(9),
      compoundName: INDEX.compounds.get(compoundAt(9))?.properties.name,
      note,
      ts: NOON,
    });
  });

  it('alarmFeedHoldsOpenCriticalEventsOnly', () => {
    const state = newState();
    const critical = event({ kind: 'gas_leak', compoundId: compoundAt(3), note: '3号楼' });
    const raised = event({ kind: 'street_vendor', severity: 'critical' });
    const others = [event({ kind: 'street_vendor' }), event({ kind: 'smoke', severity: 'warning' })];
    for (const e of [critical, ...others, raised]) applyEvent(state, e, NOON);
    applyEvent(state, closing(critical, NOON + MINUTE), NOON + MINUTE);
    const { alarms, alarmFeedSize } = snapshot(state, NOON + MINUTE);
    expect(alarmFeedSize).toBe(50);
    expect(alarms.map((item) => [item.no, item.id])).toEqual([
      [2, raised.id],
      [1, critical.id],
    ]);
    expect(alarms[1]).toMatchObject({ compoundId: compoundAt(3), note: '3号楼', severity: 'critical' });
  });

  it('alarmsOutliveAFloodOfWarnings', () => {
    const state = newState(NOON, { feedSize: 5, alarmFeedSize: 3 });
    const sos = event({ kind: 'elderly_sos', compoundId: compoundAt(7) });
    applyEvent(state, sos, NOON);
    for (let i = 0; i < 100; i++) applyEvent(state, event({ kind: 'door_open', ts: NOON + i }), NOON);
    const { feed, alarms } = snapshot(state, NOON);
    expect(feed.map((item) => item.id)).not.toContain(sos.id);
    expect(alarms.map((item) => item.id)).toEqual([sos.id]);
  });

  it('deltaCarriesNewAlarmsOnlyAndWallKeepsAtMostTheAlarmFeedSize', () => {
    const state = newState(NOON, { alarmFeedSize: 3 });
    let view = snapshot(state, NOON);
    const first = event({ kind: 'burglary' });
    applyEvent(state, first, NOON);
    const firstDelta = takeDelta(state, NOON + 250);
    expect(firstDelta.alarms?.map((item) => item.id)).toEqual([first.id]);
    view = applyDelta(view, firstDelta) ?? view;
    applyEvent(state, event({ kind: 'theft' }), NOON + 300);
    const quiet = takeDelta(state, NOON + 500);
    expect(quiet.alarms).toBeUndefined();
    const next = applyDelta(view, quiet);
    expect(next?.alarms).toBe(view.alarms); // untouched parts keep their identity
    const storm = Array.from({ length: 4 }, (_, i) => event({ kind: 'smoke', ts: NOON + i }));
    for (const e of storm) applyEvent(state, e, NOON + 600);
    const stormDelta = takeDelta(state, NOON + 750);
    expect(stormDelta.alarms?.map((item) => item.no)).toEqual([5, 4, 3]);
    const after = applyDelta(next ?? view, stormDelta);
    expect(after?.alarms.map((item) => item.id)).toEqual(storm.slice(1).reverse().map((e) => e.id));
    expect(after).toEqual(snapshot(state, NOON + 750));
  });
});
