// Where each landmark's name goes beside its point, so that it covers neither another landmark's
// name nor, as far as it can, a compound's. Compound names always stand above their point
// (operators look for them there); a landmark takes the first side, in the order of SIDES, whose
// box is clear of the names already placed, or else the side that covers least, where covering a
// landmark's name counts ten times a compound's. Pure: the map component hands it screen
// positions and text sizes after each camera move (wall/map/labelBoxes.ts).

/** Each side as the direction from the point to the name: x right, y down. */
export const SIDES = {
  above: [0, -1],
  right: [1, 0],
  left: [-1, 0],
  'above-right': [1, -1],
  'above-left': [-1, -1],
  below: [0, 1],
  'below-right': [1, 1],
  'below-left': [-1, 1],
} as const satisfies Record<string, readonly [-1 | 0 | 1, -1 | 0 | 1]>;
export type LabelSide = keyof typeof SIDES;

/** Landmark id → the side its name stands on; a landmark not listed stands above. */
export type LabelSides = ReadonlyMap<string, LabelSide>;
export const ALL_ABOVE: LabelSides = new Map();

/** A name to place: its point on the screen and its text's size, in CSS pixels. */
export interface LabelOnScreen {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where a name `length` long starts along one axis, `gap` away from the point at `at` in `direction`. */
function startAlong(direction: -1 | 0 | 1, at: number, length: number, gap: number): number {
  if (direction === 0) return at - length / 2;
  return direction > 0 ? at + gap : at - gap - length;
}

/** The box a name of that size covers on `side` of its point, `gap` pixels away from it. */
export function boxOn(side: LabelSide, { x, y, width, height }: LabelOnScreen, gap: number): Box {
  const [dx, dy] = SIDES[side];
  const left = startAlong(dx, x, width, gap);
  const top = startAlong(dy, y, height, gap);
  return { left, top, right: left + width, bottom: top + height };
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Covering another landmark's name weighs this much more than covering a compound's. */
const LANDMARK_WEIGHT = 10;

/** Sides for `landmarks`, placed in their order around `compounds`' names (which stand above). */
export function placeLandmarkLabels(compounds: readonly LabelOnScreen[], landmarks: readonly LabelOnScreen[], gap: number): LabelSides {
  const taken = compounds.map((label) => ({ box: boxOn('above', label, gap), weight: 1 }));
  const sides = new Map<string, LabelSide>();
  for (const landmark of landmarks) {
    let best: { side: LabelSide; box: Box; covered: number } | null = null;
    for (const side of Object.keys(SIDES) as LabelSide[]) {
      const box = boxOn(side, landmark, gap);
      const covered = taken.reduce((sum, other) => sum + overlapArea(box, other.box) * other.weight, 0);
      if (!best || covered < best.covered) best = { side, box, covered };
      if (covered === 0) break;
    }
    if (!best) continue;
    taken.push({ box: best.box, weight: LANDMARK_WEIGHT });
    if (best.side !== 'above') sides.set(landmark.id, best.side);
  }
  return sides;
}

/** Whether two placements put every landmark on the same side (the label layer is then kept). */
export function sameSides(a: LabelSides, b: LabelSides): boolean {
  return a.size === b.size && [...a].every(([id, side]) => b.get(id) === side);
}

/**
 * The size of a name as deck.gl's TextLayer lays it out with `wordBreak: 'break-word'`: a row
 * takes words and single spaces while they fit in `maxWidth` (a row's width counts a space it
 * ends with), a word wider than that is broken between characters; rows are `lineHeight` apart.
 * `advance` is a character's width. `maxWidth` ≤ 0: one row.
 */
export function wrappedSize(text: string, advance: (char: string) => number, maxWidth: number, lineHeight: number): { width: number; height: number } {
  const widthOf = (chars: readonly string[]) => chars.reduce((sum, char) => sum + advance(char), 0);
  const rows: number[] = [0];
  const add = (width: number) => (rows[rows.length - 1] = (rows.at(-1) ?? 0) + width);
  for (const group of text.match(/ |[^ ]+/g) ?? []) {
    const chars = [...group];
    const width = widthOf(chars);
    const fits = maxWidth <= 0 || (rows.at(-1) ?? 0) + width <= maxWidth;
    if (!fits && (rows.at(-1) ?? 0) > 0) rows.push(0);
    if (maxWidth <= 0 || width <= maxWidth) {
      add(width);
      continue;
    }
    for (const char of chars) {
      if ((rows.at(-1) ?? 0) > 0 && (rows.at(-1) ?? 0) + advance(char) > maxWidth) rows.push(0);
      add(advance(char));
    }
  }
  return { width: Math.max(...rows), height: rows.length * lineHeight };
}
