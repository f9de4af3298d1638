import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../lib/random.ts';
import { applyEvent, snapshot } from '../../../relay/state/index.ts';
import { createSeenIds, fingerprintOf, sight, type SeenIds } from '../../../relay/state/dedup.ts';

/** As the state asks: true when the id was seen (with this one content). */
const seenBefore = (seen: SeenIds, id: string) => sight(seen, id, 1) !== 'new';
import { NOON, event, newState, stepOf } from './helpers.ts';

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

  // The window's rule, kept as plainly as it can be: two maps of the ids themselves.
  function modelOf(capacity: number) {
    let current = new Map<string, number>();
    let previous = new Map<string, number>();
    return (id: string, content: number) => {
      const known = current.get(id) ?? previous.get(id);
      if (known !== undefined) return known === content ? 'same' : 'different';
      if (current.size >= capacity) [previous, current] = [current, new Map()];
      current.set(id, content);
      return 'new';
    };
  }

  for (const capacity of [1, 7, 100]) {
    it(`answers as a window of the ids themselves would, through 20,000 random sightings (capacity ${capacity})`, () => {
      const random = seededRandom(capacity);
      const seen = createSeenIds(capacity);
      const model = modelOf(capacity);
      // Ids from a pool a few windows wide, so that some are remembered and some forgotten; ids
      // that differ in one unit, in order, or only beyond the BMP; the same id with one of two contents.
      const pool = Array.from({ length: 3 * capacity + 5 }, (_, i) => [`id-${i}`, `${i}-di`, `id-${i}\u{1F6A8}`, `事件-${i}`][i % 4]!);
      for (let i = 0; i < 20_000; i++) {
        const id = random.pick(pool);
        const content = random.between(0, 1) < 0.9 ? 1 : 0xfffffffe;
        expect(sight(seen, id, content), `sighting ${i}: ${id}`).toBe(model(id, content));
      }
    });
  }

  it('holds a table sized once from its capacity, whatever it has seen', () => {
    const seen = createSeenIds(1_000);
    const size = seen.current.slots.length;
    for (let i = 0; i < 100_000; i++) sight(seen, `id-${i}`, i);
    expect([seen.current.slots.length, seen.previous.slots.length]).toEqual([size, size]);
    expect(size).toBeLessThanOrEqual(4 * 1_000 * 3);
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

  it('sameIdWithOtherContentIsAConflictAndTheFirstStands', () => {
    const state = newState();
    const smoke = event({ kind: 'smoke', severity: 'warning' });
    expect(applyEvent(state, smoke, NOON)).toBe('applied');
    expect(applyEvent(state, { ...smoke }, NOON + 1)).toBe('duplicate');
    expect(applyEvent(state, { ...smoke, severity: 'critical' }, NOON + 2)).toBe('conflict');
    expect(applyEvent(state, { ...smoke, note: 'edited' }, NOON + 3)).toBe('conflict');
    expect(applyEvent(state, { ...smoke, kind: 'door_open' }, NOON + 4)).toBe('conflict');
    const view = snapshot(state, NOON + 5);
    expect(view.byKind.smoke).toBe(1);
    expect(view.byKind.door_open).toBe(0);
    expect(view.open.bySeverity).toMatchObject({ warning: 1, critical: 0 });
  });

  it('aCaseStepWithTheSameIdAndAnotherOutcomeIsAConflict', () => {
    const state = newState();
    const call = event({ kind: 'noise' });
    applyEvent(state, call, NOON);
    applyEvent(state, stepOf(call, { stage: 'finished', onTime: true }, NOON), NOON);
    expect(applyEvent(state, stepOf(call, { stage: 'finished', onTime: false }, NOON), NOON + 1)).toBe('conflict');
    expect(applyEvent(state, stepOf(call, { stage: 'finished', onTime: true }, NOON), NOON + 2)).toBe('duplicate');
    expect(snapshot(state, NOON + 3).cases.hotline.today).toMatchObject({ finished: 1, onTime: 1 });
  });

  it('stateRemembersABoundedNumberOfIds', () => {
    const state = newState(NOON, { dedupCapacity: 1000 });
    for (let i = 0; i < 50_000; i++) applyEvent(state, event({ kind: 'face_access' }), NOON);
    expect(held(state.seen)).toBeLessThanOrEqual(2000);
    expect(snapshot(state, NOON).totals.camera).toBe(50_000);
  });
});

describe("an event content's fingerprint", () => {
  it('is the same for the same fields and differs when any field does', () => {
    const fields = [1_700_000_000_000, 'sensor', 'smoke', 'SQ-C01', 121.4, 31.2, 'critical', 'open', null, 'dev-1', null];
    expect(fingerprintOf(fields)).toBe(fingerprintOf([...fields]));
    for (let i = 0; i < fields.length; i++) {
      const changed = [...fields];
      changed[i] = changed[i] === null ? 'x' : typeof changed[i] === 'number' ? (changed[i] as number) + 1 : `${changed[i]}x`;
      expect(fingerprintOf(changed)).not.toBe(fingerprintOf(fields));
    }
  });

  it('tells apart null from "null", a number from its digits, and where one field ends', () => {
    expect(fingerprintOf([null])).not.toBe(fingerprintOf(['null']));
    expect(fingerprintOf([null])).not.toBe(fingerprintOf(['']));
    expect(fingerprintOf([12])).not.toBe(fingerprintOf(['12']));
    expect(fingerprintOf(['ab', 'c'])).not.toBe(fingerprintOf(['a', 'bc']));
  });

  it('reads numbers as the wire does: −0 is 0, and the nearest other double is another number', () => {
    expect(fingerprintOf([-0])).toBe(fingerprintOf([0]));
    expect(fingerprintOf([121.4])).not.toBe(fingerprintOf([121.40000000000002]));
    expect(fingerprintOf([1, 2])).not.toBe(fingerprintOf([2, 1]));
  });
});
