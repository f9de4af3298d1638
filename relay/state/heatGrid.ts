// A decaying heat grid over the pack's bbox: each event adds 1 to its cell, and every weight
// halves each half-life. Decay is lazy: weights are stored as of a reference time `ref`, an
// event at time t adds 2^((t − ref) / halfLife), and a reading at `now` scales everything by
// 2^(−(now − ref) / halfLife). So an event costs O(1) whatever the grid size. When the stored
// scale grows large, `ref` moves forward by whole half-lives: every weight is then scaled by an
// exact power of two, which loses nothing.
import { HEAT_LEVELS_PER_DOUBLING } from '../protocol/snapshot.ts';

// 2^256 is far from Float64's limit (2^1023) yet reached only after 256 half-lives (days).
const REBASE_AFTER_HALF_LIVES = 256;

export interface HeatGrid {
  bbox: [number, number, number, number];
  cols: number;
  rows: number;
  halfLifeMs: number;
  /** Weights as of `ref`, row-major from the south-west corner. */
  weights: Float64Array;
  ref: number;
  /** 1 where an event landed since the last delta. */
  touched: Uint8Array;
}

export function createHeatGrid(
  bbox: [number, number, number, number],
  cells: number,
  halfLifeMs: number,
  ref: number,
): HeatGrid {
  return {
    bbox,
    cols: cells,
    rows: cells,
    halfLifeMs,
    weights: new Float64Array(cells * cells),
    ref,
    touched: new Uint8Array(cells * cells),
  };
}

/** The cell holding a point, or -1 when the point lies outside the grid. */
export function cellAt(grid: HeatGrid, lng: number, lat: number): number {
  const [west, south, east, north] = grid.bbox;
  if (!(lng >= west && lng <= east && lat >= south && lat <= north)) return -1;
  const col = Math.min(grid.cols - 1, Math.floor(((lng - west) / (east - west)) * grid.cols));
  const row = Math.min(grid.rows - 1, Math.floor(((lat - south) / (north - south)) * grid.rows));
  return row * grid.cols + col;
}

function rebase(grid: HeatGrid, halfLives: number): void {
  const scale = 2 ** -halfLives;
  for (let i = 0; i < grid.weights.length; i++) grid.weights[i] = (grid.weights[i] ?? 0) * scale;
  grid.ref += halfLives * grid.halfLifeMs;
}

/** Adds one event at time `at` to a cell. */
export function addHeat(grid: HeatGrid, cell: number, at: number): void {
  const halfLives = (at - grid.ref) / grid.halfLifeMs;
  if (halfLives > REBASE_AFTER_HALF_LIVES) rebase(grid, Math.floor(halfLives));
  grid.weights[cell] = (grid.weights[cell] ?? 0) + 2 ** ((at - grid.ref) / grid.halfLifeMs);
  grid.touched[cell] = 1;
}

/** Every cell's weight at `now`, quantised to log-scaled levels (see HEAT_LEVELS_PER_DOUBLING). */
export function heatLevels(grid: HeatGrid, now: number): number[] {
  const scale = 2 ** -((now - grid.ref) / grid.halfLifeMs);
  const levels = new Array<number>(grid.weights.length);
  for (let i = 0; i < grid.weights.length; i++) {
    levels[i] = Math.round(HEAT_LEVELS_PER_DOUBLING * Math.log2(1 + (grid.weights[i] ?? 0) * scale));
  }
  return levels;
}
