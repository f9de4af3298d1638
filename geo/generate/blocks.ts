// Street blocks and the plots cut from them. The street grid's lines cut the boundary's bounding
// box into rectangular cells; the largest plots are then halved along internal lanes until there
// are enough. Every cell keeps its whole rectangle (roads included), so cells partition the
// boundary, while its plot is the buildable land left after roads, lanes and setbacks.
import type { MultiPolygon, Polygon } from 'geojson';
import type { LocalFrame } from './localFrame.ts';
import { overlapPieces, polygonArea, polygonRings, rectPolygon } from './geojson.ts';
import {
  coveredLength,
  insideIntervals,
  rectHeight,
  rectWidth,
  ringBounds,
  ringPerimeter,
  type Rect,
  type Ring,
} from './planar.ts';
import type { Random } from '../../lib/random.ts';
import { HALF_WIDTH_M, type LaidStreet } from './streets.ts';

/** Fence line to kerb side of the way, metres. */
const SETBACK_M = 3;
const MIN_PLOT_M2 = 5000;
/** 4πA/P²: 1 for a circle, 0.79 for a square; thin slivers left by diagonal edges fall below. */
const MIN_COMPACTNESS = 0.35;
const SPLIT_RANGE = [0.4, 0.6] as const;

type Side = 'west' | 'east' | 'south' | 'north';

export interface Cell {
  rect: Rect;
  /** Half-width of the way along each side: a street's, or an internal lane's. */
  way: Record<Side, number>;
  /** Buildable land (lon/lat), or null when nothing usable is left. */
  plot: Polygon | null;
  plotArea: number;
}

export interface Land {
  boundary: Polygon;
  boundaryRings: Ring[];
  /** The boundary less half a boundary road and a setback. */
  inset: Polygon | MultiPolygon;
  frame: LocalFrame;
}

/** Area in m² of a piece of land if it can hold a compound (large and compact enough), else 0. */
export function usableArea(piece: Polygon, frame: LocalFrame): number {
  const area = polygonArea(piece, frame);
  if (area < MIN_PLOT_M2) return 0;
  const outer = polygonRings(piece, frame)[0] ?? [];
  return (4 * Math.PI * area) / ringPerimeter(outer) ** 2 < MIN_COMPACTNESS ? 0 : area;
}

function plotOf(rect: Rect, way: Cell['way'], land: Land): Pick<Cell, 'plot' | 'plotArea'> {
  const shrunk: Rect = {
    x0: rect.x0 + way.west + SETBACK_M,
    x1: rect.x1 - way.east - SETBACK_M,
    y0: rect.y0 + way.south + SETBACK_M,
    y1: rect.y1 - way.north - SETBACK_M,
  };
  const pieces = rectWidth(shrunk) > 0 && rectHeight(shrunk) > 0 ? overlapPieces(rectPolygon(shrunk, land.frame), land.inset) : [];
  const best = pieces
    .map((p) => ({ p, area: usableArea(p, land.frame) }))
    .sort((a, b) => b.area - a.area)[0];
  return best && best.area > 0 ? { plot: best.p, plotArea: best.area } : { plot: null, plotArea: 0 };
}

/** Half-width of the widest street along [from, to] of the grid line `at`, else a lane's. */
function wayAlong(streets: readonly LaidStreet[], axis: 'ns' | 'ew', at: number, from: number, to: number): number {
  const widths = streets
    .filter((s) => s.def.axis === axis && s.at === at && coveredLength(s.pieces, from, to) > 1)
    .map((s) => HALF_WIDTH_M[s.def.class]);
  return Math.max(HALF_WIDTH_M.lane, ...widths);
}

function gridLines(streets: readonly LaidStreet[], axis: 'ns' | 'ew', min: number, max: number): number[] {
  const inner = new Set(streets.filter((s) => s.def.axis === axis && s.at > min && s.at < max).map((s) => s.at));
  return [min, ...[...inner].sort((a, b) => a - b), max];
}

function gridCells(streets: readonly LaidStreet[], land: Land): Cell[] {
  const bounds = ringBounds(land.boundaryRings[0] ?? []);
  const xs = gridLines(streets, 'ns', bounds.x0, bounds.x1);
  const ys = gridLines(streets, 'ew', bounds.y0, bounds.y1);
  const cells: Cell[] = [];
  for (let j = 0; j + 1 < ys.length; j++) {
    for (let i = 0; i + 1 < xs.length; i++) {
      const rect: Rect = { x0: xs[i] as number, x1: xs[i + 1] as number, y0: ys[j] as number, y1: ys[j + 1] as number };
      if (overlapPieces(rectPolygon(rect, land.frame), land.boundary).length === 0) continue;
      const way = {
        west: wayAlong(streets, 'ns', rect.x0, rect.y0, rect.y1),
        east: wayAlong(streets, 'ns', rect.x1, rect.y0, rect.y1),
        south: wayAlong(streets, 'ew', rect.y0, rect.x0, rect.x1),
        north: wayAlong(streets, 'ew', rect.y1, rect.x0, rect.x1),
      };
      cells.push({ rect, way, ...plotOf(rect, way, land) });
    }
  }
  return cells;
}

/** Halves a cell across the longer side of its plot, along a new lane. */
function split(cell: Cell, land: Land, random: Random): [Cell, Cell] {
  const bounds = ringBounds(polygonRings(cell.plot as Polygon, land.frame)[0] ?? []);
  const f = random.between(...SPLIT_RANGE);
  const lane = HALF_WIDTH_M.lane;
  const make = (rect: Rect, way: Cell['way']): Cell => ({ rect, way, ...plotOf(rect, way, land) });
  if (rectWidth(bounds) >= rectHeight(bounds)) {
    const x = bounds.x0 + f * rectWidth(bounds);
    return [
      make({ ...cell.rect, x1: x }, { ...cell.way, east: lane }),
      make({ ...cell.rect, x0: x }, { ...cell.way, west: lane }),
    ];
  }
  const y = bounds.y0 + f * rectHeight(bounds);
  return [
    make({ ...cell.rect, y1: y }, { ...cell.way, north: lane }),
    make({ ...cell.rect, y0: y }, { ...cell.way, south: lane }),
  ];
}

/**
 * Cells covering the boundary, split (largest plot first) until `plots` cells have usable plots
 * or no split adds one.
 */
export function cutBlocks(streets: readonly LaidStreet[], land: Land, plots: number, random: Random): Cell[] {
  const cells = gridCells(streets, land);
  const usable = () => cells.filter((c) => c.plot).length;
  const tried = new Set<Cell>();
  while (usable() < plots) {
    const largest = cells
      .filter((c) => c.plot && !tried.has(c))
      .reduce<Cell | undefined>((best, c) => (best && best.plotArea >= c.plotArea ? best : c), undefined);
    if (!largest) break;
    const halves = split(largest, land, random);
    if (halves.filter((c) => c.plot).length < 2) {
      tried.add(largest); // splitting it would only trade a plot for a sliver
      continue;
    }
    cells.splice(cells.indexOf(largest), 1, ...halves);
  }
  return cells;
}

/** For each cell, the cells sharing a side with it inside the boundary. */
export function cellNeighbours(cells: readonly Cell[], boundaryRings: readonly Ring[]): number[][] {
  const shares = (a: Rect, b: Rect): boolean => {
    if (a.x1 === b.x0 || b.x1 === a.x0) {
      const x = a.x1 === b.x0 ? a.x1 : a.x0;
      const [from, to] = [Math.max(a.y0, b.y0), Math.min(a.y1, b.y1)];
      return to - from > 1 && coveredLength(insideIntervals(boundaryRings, 'x', x), from, to) > 1;
    }
    if (a.y1 === b.y0 || b.y1 === a.y0) {
      const y = a.y1 === b.y0 ? a.y1 : a.y0;
      const [from, to] = [Math.max(a.x0, b.x0), Math.min(a.x1, b.x1)];
      return to - from > 1 && coveredLength(insideIntervals(boundaryRings, 'y', y), from, to) > 1;
    }
    return false;
  };
  return cells.map((a, i) => cells.flatMap((b, j) => (i !== j && shares(a.rect, b.rect) ? [j] : [])));
}
