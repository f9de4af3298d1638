// 3D blocks inside a compound. Old 新村 get rows of 5–7 storey slabs facing south, spaced about
// one building height apart for winter sun; 商品房 get taller slabs or point towers; 大楼 get a
// few towers. Rows run east–west, as they do in Shanghai, and every block lies inside its compound.
import type { Polygon } from 'geojson';
import type { Building, CompoundKind } from '../schema.ts';
import { polygonArea, polygonRings, rectPolygon } from './geojson.ts';
import type { LocalFrame } from './localFrame.ts';
import { rectInsidePolygon, ringBounds, ringCentroid, type Rect, type Ring } from './planar.ts';
import type { Random } from '../../lib/random.ts';

export const FLOOR_HEIGHT_M = 2.9;
const MARGIN_M = 6;

interface Style {
  depth: [number, number];
  unitLength: [number, number];
  /** Units per block (a unit is one staircase): block length = units × unit length. */
  units: [number, number];
  floors: (random: Random) => number;
  gapX: [number, number];
  /** Row gap as a multiple of the height in front. */
  sunSpacing: number;
  maxBlocks: number;
}

const SLABS_OLD: Style = {
  depth: [10, 12],
  unitLength: [12, 14],
  units: [3, 5],
  floors: (r) => r.pick([5, 6, 6, 6, 7]),
  gapX: [8, 14],
  sunSpacing: 1.05,
  maxBlocks: 40,
};
const SLABS_HIGH: Style = {
  depth: [13, 15],
  unitLength: [14, 16],
  units: [2, 4],
  floors: (r) => r.int(11, 18),
  gapX: [14, 20],
  sunSpacing: 0.7,
  maxBlocks: 20,
};
const POINT_TOWERS: Style = {
  depth: [20, 26],
  unitLength: [20, 26],
  units: [1, 1],
  floors: (r) => r.int(18, 30),
  gapX: [22, 32],
  sunSpacing: 0.5,
  maxBlocks: 12,
};
const TOWER_BLOCK: Style = {
  depth: [18, 24],
  unitLength: [22, 28],
  units: [1, 1],
  floors: (r) => r.int(12, 30),
  gapX: [30, 45],
  sunSpacing: 0.6,
  maxBlocks: 8,
};

function styleFor(kind: CompoundKind, random: Random): Style {
  if (kind === '大楼') return TOWER_BLOCK;
  if (kind === '商品房') return random.pick([SLABS_HIGH, POINT_TOWERS]);
  return SLABS_OLD;
}

export interface BlockShape {
  /** Footprint in the local frame. */
  rect: Rect;
  floors: number;
}

/** Inside the compound with a margin to its fence all round. */
const fits = (r: Rect, rings: readonly Ring[]) =>
  rectInsidePolygon({ x0: r.x0 - MARGIN_M, y0: r.y0 - MARGIN_M, x1: r.x1 + MARGIN_M, y1: r.y1 + MARGIN_M }, rings);

function rows(rings: readonly Ring[], style: Style, random: Random): BlockShape[] {
  const bounds = ringBounds(rings[0] ?? []);
  const depth = random.between(...style.depth);
  const unit = random.between(...style.unitLength);
  const blocks: BlockShape[] = [];
  let y = bounds.y0 + MARGIN_M + random.between(0, 4);
  while (y + depth <= bounds.y1 - MARGIN_M && blocks.length < style.maxBlocks) {
    const floors = style.floors(random);
    let x = bounds.x0 + MARGIN_M + random.between(0, 8);
    while (x + unit <= bounds.x1 - MARGIN_M && blocks.length < style.maxBlocks) {
      const longest = random.int(...style.units);
      const shortest = Math.min(2, style.units[0]); // no one-staircase stubs at the end of a row of slabs
      // The longest block that fits here, else step east by one unit and try again.
      const fit = Array.from({ length: longest - shortest + 1 }, (_, k) => longest - k)
        .map((units): Rect => ({ x0: x, y0: y, x1: x + units * unit, y1: y + depth }))
        .find((rect) => fits(rect, rings));
      if (fit) {
        blocks.push({ rect: fit, floors });
        x = fit.x1 + random.between(...style.gapX);
      } else {
        x += unit;
      }
    }
    y += depth + Math.max(12, style.sunSpacing * floors * FLOOR_HEIGHT_M);
  }
  return blocks;
}

/** A last resort for an awkward parcel: one small block at its centre. */
function single(rings: readonly Ring[], style: Style, random: Random): BlockShape[] {
  const [cx, cy] = ringCentroid(rings[0] ?? []);
  for (const [w, d] of [[30, 11], [20, 10], [12, 10]] as const) {
    const rect = { x0: cx - w / 2, y0: cy - d / 2, x1: cx + w / 2, y1: cy + d / 2 };
    if (fits(rect, rings)) return [{ rect, floors: style.floors(random) }];
  }
  return [];
}

/** Blocks for a compound whose polygon (local frame) is `rings`. */
export function layOutBlocks(rings: readonly Ring[], kind: CompoundKind, random: Random): BlockShape[] {
  const style = styleFor(kind, random);
  const laid = rows(rings, style, random);
  return laid.length > 0 ? laid : single(rings, style, random);
}

/** Building features for one compound, with ids `<compoundId>-B01` … */
export function buildingFeatures(
  compoundId: string,
  polygon: Polygon,
  kind: CompoundKind,
  frame: LocalFrame,
  random: Random,
): Building[] {
  const blocks = layOutBlocks(polygonRings(polygon, frame), kind, random);
  const digits = Math.max(2, String(blocks.length).length);
  return blocks.map(({ rect, floors }, i) => ({
    type: 'Feature',
    properties: {
      id: `${compoundId}-B${String(i + 1).padStart(digits, '0')}`,
      compoundId,
      height: Math.round(floors * FLOOR_HEIGHT_M * 10) / 10,
      floors,
    },
    geometry: rectPolygon(rect, frame),
  }));
}

/** Gross floor area of a compound's buildings, m². */
export const floorArea = (buildings: readonly Building[], frame: LocalFrame) =>
  buildings.reduce((sum, b) => sum + polygonArea(b.geometry, frame) * b.properties.floors, 0);
