import { describe, expect, it } from 'vitest';
import { applyEvent, snapshot } from '../../../relay/state/index.ts';
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
});
