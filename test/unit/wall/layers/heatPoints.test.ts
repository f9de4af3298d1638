import { describe, expect, it } from 'vitest';
import { HEAT_SOURCES, gridsOf, heatPoints, nextHeatSource, type HeatPoints } from '../../../../wall/layers/heat.ts';
import { HEAT_LEVELS_PER_DOUBLING, type HeatView } from '../../../../relay/protocol/snapshot.ts';

// A 2 × 2 grid over a 2° × 1° box: cells are 1° wide and 0.5° high.
const heat: HeatView = {
  bbox: [120, 30, 122, 31],
  cols: 2,
  rows: 2,
  halfLifeMs: 1,
  grids: { sensor: [0, 0, 0, 0], camera: [0, 0, 0, 0], alarm110: [0, 0, 0, 0] },
};
/** The level of a weight of exactly 1, 3 and 7 events. */
const ONE = HEAT_LEVELS_PER_DOUBLING;
const THREE = 2 * HEAT_LEVELS_PER_DOUBLING;
const SEVEN = 3 * HEAT_LEVELS_PER_DOUBLING;

/** The binary attributes as points, to compare. */
const asPoints = ({ length, positions, weights }: HeatPoints) =>
  Array.from({ length }, (_, i) => ({ position: [positions[i * 2], positions[i * 2 + 1]], weight: weights[i] }));

describe('heat points from the relay grid', () => {
  it('puts one point at the centre of every warm cell, counting rows from the south-west', () => {
    const points = asPoints(heatPoints(heat, [ONE, 0, 0, THREE]));
    expect(points).toEqual([
      { position: [120.5, 30.25], weight: 1 },
      { position: [121.5, 30.75], weight: 3 },
    ]);
  });

  it('adds the weights of several sources cell by cell, not their levels', () => {
    const [point] = asPoints(heatPoints(heat, [SEVEN, 0, 0, 0], [ONE, 0, 0, 0]));
    expect(point?.weight).toBeCloseTo(8);
  });

  it('gives no points for a cold grid', () => {
    expect(asPoints(heatPoints(heat, [0, 0, 0, 0], [0, 0, 0, 0]))).toEqual([]);
  });

  it('shows one source, or all three in a stable order', () => {
    const grids = { sensor: [1, 0, 0, 0], camera: [2, 0, 0, 0], alarm110: [3, 0, 0, 0] };
    const view = { ...heat, grids };
    expect(gridsOf(view, 'camera')).toEqual([grids.camera]);
    expect(gridsOf(view, 'all')).toEqual([grids.sensor, grids.camera, grids.alarm110]);
  });

  it('cycles all → sensor → camera → 110 → all with the key', () => {
    expect(HEAT_SOURCES).toEqual(['all', 'sensor', 'camera', 'alarm110']);
    const seen = [nextHeatSource('all')];
    for (let i = 0; i < 3; i++) seen.push(nextHeatSource(seen.at(-1)!));
    expect(seen).toEqual(['sensor', 'camera', 'alarm110', 'all']);
  });
});
