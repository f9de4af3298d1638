// The video wall's shape as the relay's configuration and a wall's URL give it: the wall's size in
// CSS pixels, the grid of physical screens it is made of, the bezel (pixels kept clear of text on
// each side of a seam) and a cap on the device pixel ratio. Types and pure parsers only, no Node
// imports: the relay checks its settings with them and the wall's bundle reads its URL with them.

export interface Size {
  width: number;
  height: number;
}

/** The settings as text, as the relay's GET /api/wall-config and a wall's URL carry them. */
export interface WallShapeText {
  wall?: string | null;
  grid?: string | null;
  bezel?: string | number | null;
  dpr?: string | number | null;
}

const LIMITS = {
  side: { min: 320, max: 32_768 },
  cols: { min: 1, max: 16 },
  rows: { min: 1, max: 8 },
  bezel: { min: 0, max: 200 },
  dpr: { min: 0.25, max: 4 },
} as const;

const PAIR = /^\s*(\d+)\s*[x×X*]\s*(\d+)\s*$/;

function pair(text: string): [number, number] | null {
  const match = PAIR.exec(text);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

const within = (value: number, { min, max }: { min: number; max: number }) => Number.isInteger(value) && value >= min && value <= max;

export function parseSize(text: string): Size | string {
  const parsed = pair(text);
  if (!parsed || !parsed.every((side) => within(side, LIMITS.side))) {
    return `expected WIDTHxHEIGHT in CSS pixels, each ${LIMITS.side.min}–${LIMITS.side.max}`;
  }
  return { width: parsed[0], height: parsed[1] };
}

export function parseGrid(text: string): { cols: number; rows: number } | string {
  const parsed = pair(text);
  if (!parsed || !within(parsed[0], LIMITS.cols) || !within(parsed[1], LIMITS.rows)) {
    return `expected COLSxROWS of screens, ${LIMITS.cols.min}–${LIMITS.cols.max} by ${LIMITS.rows.min}–${LIMITS.rows.max}`;
  }
  return { cols: parsed[0], rows: parsed[1] };
}

export function parseBezel(text: string): number | string {
  const value = text.trim() === '' ? NaN : Number(text);
  return within(value, LIMITS.bezel) ? value : `expected whole CSS pixels, ${LIMITS.bezel.min}–${LIMITS.bezel.max}`;
}

export function parseDpr(text: string): number | string {
  const value = text.trim() === '' ? NaN : Number(text);
  return Number.isFinite(value) && value >= LIMITS.dpr.min && value <= LIMITS.dpr.max
    ? value
    : `expected a number from ${LIMITS.dpr.min} to ${LIMITS.dpr.max}`;
}
