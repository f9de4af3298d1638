import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../lib/random.ts';
import { KINDS } from '../../../relay/contract/kinds.ts';
import { applyEvent, snapshot, type RollupView } from '../../../relay/state/index.ts';
import { COMPOUND_IDS, INDEX, MINUTE, NOON, closing, compoundAt, event, newState } from './helpers.ts';

const sum = (views: RollupView[], field: 'today' | 'alerts' | 'open' | 'critical') =>
  views.reduce((total, view) => total + view[field], 0);

describe('roll-ups', () => {
  it('alertLevelFollowsTheMostSevereOpenIncident', () => {
    const state = newState();
    const id = compoundAt(7);
    const level = () => snapshot(state, NOON).compounds.find((c) => c.id === id)?.level;
    expect(level()).toBe(0);
    const warning = event({ kind: 'ebike_charging', compoundId: id });
    applyEvent(state, warning, NOON);
    expect(level()).toBe(1);
    const critical = event({ kind: 'gas_leak', compoundId: id });
    applyEvent(state, critical, NOON);
    expect(level()).toBe(2);
    applyEvent(state, closing(critical, NOON + MINUTE), NOON);
    expect(level()).toBe(1);
    applyEvent(state, closing(warning, NOON + MINUTE), NOON);
    expect(level()).toBe(0);
    applyEvent(state, event({ kind: 'gas_leak', severity: 'info', compoundId: id }), NOON);
    expect(level()).toBe(0); // an info-level incident is open but needs no attention
  });

  it('compoundsAddUpToCommitteesAndAreas', () => {
    const random = seededRandom(3);
    const state = newState();
    const opened = [];
    for (let i = 0; i < 2000; i++) {
      const e = event({ kind: random.pick(KINDS), compoundId: random.pick(COMPOUND_IDS) });
      applyEvent(state, e, NOON);
      if (e.status === 'open') opened.push(e);
    }
    for (const e of opened.slice(0, 100)) applyEvent(state, closing(e, NOON + MINUTE), NOON);
    const view = snapshot(state, NOON);
    const totals = view.totals.sensor + view.totals.camera + view.totals.alarm110;
    for (const field of ['today', 'alerts', 'open', 'critical'] as const) {
      expect(sum(view.committees, field)).toBe(sum(view.compounds, field));
      expect(sum(view.areas, field)).toBe(sum(view.compounds, field));
    }
    expect(sum(view.compounds, 'today')).toBe(totals);
    expect(sum(view.compounds, 'open')).toBe(view.open.total);
    expect(sum(view.compounds, 'critical')).toBe(view.open.bySeverity.critical);
    for (const committee of view.committees) {
      const members = INDEX.compoundsOfCommittee.get(committee.id) ?? [];
      const ids = new Set(members.map((c) => c.properties.id));
      expect(committee.today).toBe(sum(view.compounds.filter((c) => ids.has(c.id)), 'today'));
    }
  });

  it('listsEveryCompoundCommitteeAndAreaOfThePack', () => {
    const view = snapshot(newState(), NOON);
    expect(view.compounds.map((c) => c.id)).toEqual(COMPOUND_IDS);
    expect(view.committees).toHaveLength(INDEX.committees.size);
    expect(view.areas).toHaveLength(INDEX.areas.size);
    const quiet = { today: 0, alerts: 0, open: 0, critical: 0, level: 0 };
    expect(view.compounds[0]).toEqual({ id: COMPOUND_IDS[0], ...quiet });
  });
});
