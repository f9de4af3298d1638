// The relay's heat grids as a deck.gl HeatmapLayer: every warm cell becomes one weighted point at
// the cell's centre, handed to deck.gl as typed arrays. One source or all three together (the
// operator cycles with a key).
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { ALARM_SOURCES, type AlarmSource } from '../../relay/contract/kinds.ts';
import { heatWeightOfLevel, type HeatView } from '../../relay/protocol/snapshot.ts';
import type { RGBA } from './alertLevels.ts';
import { OVERLAY_PARAMETERS } from './depthParameters.ts';

export type HeatSource = 'all' | AlarmSource;
export const HEAT_SOURCES: readonly HeatSource[] = ['all', ...ALARM_SOURCES];

export function nextHeatSource(current: HeatSource): HeatSource {
  return HEAT_SOURCES[(HEAT_SOURCES.indexOf(current) + 1) % HEAT_SOURCES.length] ?? 'all';
}

/** The grids a source shows, in a stable order (one for a source, three for all). */
export function gridsOf(heat: HeatView, source: HeatSource): number[][] {
  return source === 'all' ? ALARM_SOURCES.map((s) => heat.grids[s]) : [heat.grids[source]];
}

/**
 * The warm cells as deck.gl binary attributes: a cell's centre (lng, lat pairs) and its weight.
 * Typed arrays handed to deck.gl as they are: no object per cell, no accessor call per cell.
 */
export interface HeatPoints {
  length: number;
  positions: Float64Array;
  weights: Float32Array;
}

export const NO_HEAT: HeatPoints = { length: 0, positions: new Float64Array(0), weights: new Float32Array(0) };

/** Heat levels are small integers: their weights, looked up instead of computed per cell. */
const WEIGHT_OF_LEVEL = Float64Array.from({ length: 256 }, (_, level) => heatWeightOfLevel(level));
const weightOf = (level: number) => WEIGHT_OF_LEVEL[level] ?? heatWeightOfLevel(level);

/** One point per cell with any heat in the grids, at the cell's centre, weights summed. */
export function heatPoints(heat: Pick<HeatView, 'bbox' | 'cols' | 'rows'>, ...grids: readonly (readonly number[])[]): HeatPoints {
  const [west, south, east, north] = heat.bbox;
  const cells = heat.cols * heat.rows;
  const cellWidth = (east - west) / heat.cols;
  const cellHeight = (north - south) / heat.rows;
  const sums = new Float32Array(cells);
  let warm = 0;
  for (let cell = 0; cell < cells; cell++) {
    let weight = 0;
    for (const grid of grids) weight += weightOf(grid[cell] ?? 0);
    sums[cell] = weight;
    if (weight > 0) warm++;
  }
  if (warm === 0) return NO_HEAT;
  const positions = new Float64Array(warm * 2);
  const weights = new Float32Array(warm);
  for (let cell = 0, point = 0; cell < cells; cell++) {
    const weight = sums[cell]!;
    if (weight <= 0) continue;
    positions[point * 2] = west + ((cell % heat.cols) + 0.5) * cellWidth;
    positions[point * 2 + 1] = south + (Math.floor(cell / heat.cols) + 0.5) * cellHeight;
    weights[point++] = weight;
  }
  return { length: warm, positions, weights };
}

// YlOrRd, transparent at the cool end so the buildings and streets stay readable under it.
const HEAT_COLORS: RGBA[] = [
  [255, 255, 178, 40],
  [254, 217, 118, 110],
  [254, 178, 76, 160],
  [253, 141, 60, 190],
  [240, 59, 32, 215],
  [189, 0, 38, 235],
];

export function heatLayer(points: HeatPoints, scale: number) {
  return new HeatmapLayer({
    id: 'heat',
    data: {
      length: points.length,
      attributes: {
        getPosition: { value: points.positions, size: 2 },
        getWeight: { value: points.weights, size: 1 },
      },
    },
    aggregation: 'SUM',
    radiusPixels: Math.round(60 * scale),
    colorRange: HEAT_COLORS,
    // The hottest cell sets the top of the scale; lifting the rest keeps warm areas visible.
    intensity: 3,
    threshold: 0.05,
    opacity: 0.75,
    // Software GL renders the 512² weights texture about twice as fast as the 2048² default.
    weightsTextureSize: 512,
    // Never writes depth: at ground level it would clip the labels drawn after it.
    parameters: OVERLAY_PARAMETERS,
  });
}
