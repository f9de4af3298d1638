import { describe, expect, it } from 'vitest';
import { applyEvent, heatWeightOfLevel, snapshot } from '../../../relay/state/index.ts';
import { cellAt } from '../../../relay/state/heatGrid.ts';
import { HOUR, INDEX, MINUTE, NOON, compoundAt, event, newState } from './helpers.ts';

const HALF_LIFE = 10 * MINUTE;

function labelPoint(compoundId: string): [number, number] {
  const point = INDEX.labelPoints.get(compoundId);
  if (!point) throw new Error(`no label point for ${compoundId}`);
  return point;
}

describe('heat grids', () => {
  it('heatDecaysWithHalfLife', () => {
    const state = newState(NOON, { heatHalfLifeMs: HALF_LIFE });
    for (let i = 0; i < 255; i++) applyEvent(state, event({ kind: 'theft' }), NOON);
    const cell = cellAt(state.heat.alarm110, ...labelPoint(compoundAt(0)));
    const levelAt = (t: number) => snapshot(state, t).heat.grids.alarm110[cell] ?? -1;
    // 255 events: log2(1 + 255) = 8 doublings; each half-life takes one away.
    expect(levelAt(NOON)).toBe(64);
    expect(levelAt(NOON + HALF_LIFE)).toBe(56);
    expect(levelAt(NOON + 2 * HALF_LIFE)).toBe(48);
    expect(heatWeightOfLevel(48)).toBeCloseTo(255 / 4, -1);
    expect(levelAt(NOON + 20 * HALF_LIFE)).toBe(0);
  });

  it('eventWithoutCoordinatesHeatsItsCompound', () => {
    const state = newState();
    applyEvent(state, event({ kind: 'door_open', compoundId: compoundAt(40) }), NOON);
    const grid = snapshot(state, NOON).heat.grids.sensor;
    const hot = grid.flatMap((level, i) => (level > 0 ? [i] : []));
    expect(hot).toEqual([cellAt(state.heat.sensor, ...labelPoint(compoundAt(40)))]);
  });

  it('eventWithCoordinatesHeatsTheCellItHappenedIn', () => {
    const state = newState();
    const [lng, lat] = labelPoint(compoundAt(79));
    applyEvent(state, event({ kind: 'door_open', compoundId: compoundAt(0), lng, lat }), NOON);
    const grid = snapshot(state, NOON).heat.grids.sensor;
    expect(grid.findIndex((level) => level > 0)).toBe(cellAt(state.heat.sensor, lng, lat));
    const ownCompoundCell = cellAt(state.heat.sensor, ...labelPoint(compoundAt(0)));
    expect(cellAt(state.heat.sensor, lng, lat)).not.toBe(ownCompoundCell);
  });

  it('eachSourceHasItsOwnGrid', () => {
    const state = newState(NOON, { heatCells: 16 });
    applyEvent(state, event({ kind: 'person_pass' }), NOON);
    const { heat } = snapshot(state, NOON);
    expect([heat.cols, heat.rows, heat.grids.camera.length]).toEqual([16, 16, 256]);
    expect(Math.max(...heat.grids.camera)).toBe(8);
    expect(Math.max(...heat.grids.sensor, ...heat.grids.alarm110)).toBe(0);
    expect(heat.bbox).toEqual(INDEX.bbox);
  });

  it('heatStaysExactOverDaysOfUptime', () => {
    // A one-minute half-life over ten days crosses the rebasing threshold many times.
    const state = newState(NOON, { heatHalfLifeMs: MINUTE });
    for (let t = NOON; t <= NOON + 10 * 24 * HOUR; t += HOUR) {
      applyEvent(state, event({ kind: 'face_access', ts: t }), t);
    }
    const last = NOON + 10 * 24 * HOUR;
    expect(state.heat.camera.weights.every(Number.isFinite)).toBe(true);
    expect(Math.max(...snapshot(state, last).heat.grids.camera)).toBe(8); // just the latest event
    expect(Math.max(...snapshot(state, last + MINUTE).heat.grids.camera)).toBe(5); // log2(1.5) × 8
  });

  it('lateEventAddsHeatDecayedByItsAge', () => {
    const state = newState(NOON, { heatHalfLifeMs: HALF_LIFE });
    const ts = NOON - 3 * HALF_LIFE;
    for (let i = 0; i < 255; i++) applyEvent(state, event({ kind: 'theft', ts }), NOON);
    expect(Math.max(...snapshot(state, NOON).heat.grids.alarm110)).toBe(40); // 255 / 8 → 5 doublings
  });
});
