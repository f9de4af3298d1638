// The relay's heat grids as a deck.gl HeatmapLayer: every warm cell becomes one weighted point at
// the cell's centre. One source or all three together (the operator cycles with a key).
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { SOURCES, type Source } from '../../relay/contract/kinds.ts';
import { heatWeightOfLevel, type HeatView } from '../../relay/state/view.ts';
import type { RGBA } from './alertLevels.ts';
import { OVERLAY_PARAMETERS } from './depthParameters.ts';

export type HeatSource = 'all' | Source;
export const HEAT_SOURCES: readonly HeatSource[] = ['all', ...SOURCES];

export function nextHeatSource(current: HeatSource): HeatSource {
  return HEAT_SOURCES[(HEAT_SOURCES.indexOf(current) + 1) % HEAT_SOURCES.length] ?? 'all';
}

/** The grids a source shows, in a stable order (one for a source, three for all). */
export function gridsOf(heat: HeatView, source: HeatSource): number[][] {
  return source === 'all' ? SOURCES.map((s) => heat.grids[s]) : [heat.grids[source]];
}

export interface HeatPoint {
  position: [number, number];
  weight: number;
}

/** One point per cell with any heat in the grids, at the cell's centre, weights summed. */
export function heatPoints(heat: Pick<HeatView, 'bbox' | 'cols' | 'rows'>, ...grids: readonly (readonly number[])[]): HeatPoint[] {
  const [west, south, east, north] = heat.bbox;
  const cellWidth = (east - west) / heat.cols;
  const cellHeight = (north - south) / heat.rows;
  const points: HeatPoint[] = [];
  for (let cell = 0; cell < heat.cols * heat.rows; cell++) {
    let weight = 0;
    for (const grid of grids) weight += heatWeightOfLevel(grid[cell] ?? 0);
    if (weight <= 0) continue;
    const col = cell % heat.cols;
    const row = Math.floor(cell / heat.cols);
    points.push({ position: [west + (col + 0.5) * cellWidth, south + (row + 0.5) * cellHeight], weight });
  }
  return points;
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

export function heatLayer(points: HeatPoint[], scale: number) {
  return new HeatmapLayer<HeatPoint>({
    id: 'heat',
    data: points,
    getPosition: (p) => p.position,
    getWeight: (p) => p.weight,
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
