import { describe, expect, it } from 'vitest';
import { KINDS, SOURCES } from '../../../relay/contract/kinds.ts';
import { REJECT_REASONS } from '../../../relay/contract/reasons.ts';
import { applyEvent, recordRejected, snapshot } from '../../../relay/state/index.ts';
import { COMPOUND_IDS, NOON, event, newState } from './helpers.ts';

describe('snapshot', () => {
  it('snapshotHasWhatTheApiPromises', () => {
    const state = newState();
    applyEvent(state, event({ kind: 'high_altitude_throw', compoundId: COMPOUND_IDS[5] }), NOON);
    const view = snapshot(state, NOON);
    expect(Object.keys(view.totals).sort()).toEqual([...SOURCES].sort());
    expect(Object.keys(view.byKind).sort()).toEqual([...KINDS].sort());
    expect(Object.keys(view.rejected).sort()).toEqual([...REJECT_REASONS].sort());
    expect(view.open.total).toBe(1);
    expect(view.compounds).toHaveLength(COMPOUND_IDS.length);
    const alarmed = { today: 1, alerts: 1, open: 1, critical: 1, level: 2 };
    expect(view.compounds[5]).toEqual({ id: COMPOUND_IDS[5], ...alarmed });
    expect([view.day, view.seq, view.at]).toEqual(['2024-05-01', 0, NOON]);
    expect(view.timeZone).toBe('Asia/Shanghai');
  });

  it('snapshotIsPlainJson', () => {
    const state = newState();
    applyEvent(state, event({ kind: 'gas_leak', lng: 121.41, lat: 31.25, note: '燃气表' }), NOON);
    recordRejected(state, 'bad_ts', NOON);
    const view = snapshot(state, NOON);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('snapshotDoesNotDisturbTheState', () => {
    const state = newState();
    applyEvent(state, event({ kind: 'gas_leak' }), NOON);
    expect(snapshot(state, NOON + 1000)).toEqual(snapshot(state, NOON + 1000));
  });
});
