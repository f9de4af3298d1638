import { describe, expect, it } from 'vitest';
import { applyEvent, snapshot } from '../../../relay/state/index.ts';
import { createSeenIds, seenBefore, type SeenIds } from '../../../relay/state/dedup.ts';
import { NOON, event, newState } from './helpers.ts';

const held = (seen: SeenIds) => seen.current.size + seen.previous.size;

describe('de-duplication', () => {
  it('dedupMemoryIsBounded', () => {
    const seen = createSeenIds(10_000);
    let most = 0;
    for (let i = 0; i < 3_000_000; i++) {
      seenBefore(seen, `id-${i}`);
      if (i % 1000 === 0) most = Math.max(most, held(seen));
    }
    expect(most).toBeLessThanOrEqual(20_000);
    expect(held(seen)).toBeLessThanOrEqual(20_000);
  });

  it('duplicateWithinWindowIsDetected', () => {
    const capacity = 100;
    const seen = createSeenIds(capacity);
    for (let i = 0; i < 5 * capacity; i++) {
      expect(seenBefore(seen, `id-${i}`)).toBe(false);
      // The oldest of the last `capacity` ids is still remembered, across generation changes.
      const oldestInWindow = Math.max(0, i - capacity + 1);
      expect(seenBefore(seen, `id-${oldestInWindow}`)).toBe(true);
      expect(seenBefore(seen, `id-${i}`)).toBe(true);
    }
  });

  it('idsBeyondTwiceTheCapacityAreForgotten', () => {
    const seen = createSeenIds(100);
    for (let i = 0; i < 201; i++) seenBefore(seen, `id-${i}`);
    expect(seenBefore(seen, 'id-0')).toBe(false);
  });

  it('duplicateIsCountedOnce', () => {
    const state = newState();
    const alarm = event({ kind: 'gas_leak' });
    expect(applyEvent(state, alarm, NOON)).toBe('applied');
    expect(applyEvent(state, { ...alarm }, NOON + 1)).toBe('duplicate');
    const view = snapshot(state, NOON + 2);
    expect(view.totals.sensor).toBe(1);
    expect(view.byKind.gas_leak).toBe(1);
    expect(view.open.total).toBe(1);
    expect(view.feed).toHaveLength(1);
    expect(view.compounds.find((c) => c.id === alarm.compoundId)?.today).toBe(1);
  });

  it('stateRemembersABoundedNumberOfIds', () => {
    const state = newState(NOON, { dedupCapacity: 1000 });
    for (let i = 0; i < 50_000; i++) applyEvent(state, event({ kind: 'face_access' }), NOON);
    expect(held(state.seen)).toBeLessThanOrEqual(2000);
    expect(snapshot(state, NOON).totals.camera).toBe(50_000);
  });
});
