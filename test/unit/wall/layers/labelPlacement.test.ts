// Landmarks' names placed beside their points clear of the other names, and names measured the
// way deck.gl's TextLayer lays them out (its own paragraph layout is the reference).
import { describe, expect, it } from 'vitest';
// Not among the package's exports: the TextLayer's layout of a paragraph, read from its file.
import { transformParagraph } from '../../../../node_modules/@deck.gl/layers/dist/text-layer/utils.js';
import { ALL_ABOVE, boxOn, placeLandmarkLabels, sameSides, wrappedSize, type Box, type LabelOnScreen } from '../../../../wall/layers/labelPlacement.ts';

/** Character widths like a proportional font's: narrow i, l and space, wide M and W. */
const advance = (char: string) => ({ i: 4, l: 4, ' ': 5, M: 14, W: 15, '×': 9 })[char] ?? 9;

function deckSize(text: string, maxWidth: number, lineHeight: number): { width: number; height: number } {
  const mapping = Object.fromEntries([...new Set(text)].map((char) => [char, { x: 0, y: 0, width: advance(char), height: lineHeight, anchorX: 0, anchorY: 0, advance: advance(char) }]));
  const { size } = transformParagraph(text, 0, lineHeight, 'break-word', maxWidth, mapping) as { size: [number, number] };
  return { width: size[0], height: size[1] };
}

const GAP = 5;
const apart = (a: Box, b: Box) => a.right <= b.left || a.left >= b.right || a.bottom <= b.top || a.top >= b.bottom;
const at = (id: string, x: number, y: number, width = 40, height = 16): LabelOnScreen => ({ id, x, y, width, height });

describe("a name's size", () => {
  const names = [
    'Rainbow Plaza',
    'Shiquan Community Health Service Centre',
    'Tongchuan Rd × Jingning Rd junction',
    'Oriental Information Garden',
    'Wwwwwwwwwwwwwwwwwww Mill',
    '岚皋路站',
    'a  double  spaced name',
  ];
  for (const maxWidth of [-1, 60, 128]) {
    it(`matches deck.gl's TextLayer layout with a row limit of ${maxWidth}`, () => {
      for (const name of names) expect(wrappedSize(name, advance, maxWidth, 16), name).toEqual(deckSize(name, maxWidth, 16));
    });
  }
});

describe('placing the landmarks’ names', () => {
  it('covers a box beside the point on each side, the gap away', () => {
    const label = at('a', 100, 100, 40, 16);
    expect(boxOn('above', label, GAP)).toEqual({ left: 80, right: 120, top: 79, bottom: 95 });
    expect(boxOn('right', label, GAP)).toEqual({ left: 105, right: 145, top: 92, bottom: 108 });
    expect(boxOn('below-left', label, GAP)).toEqual({ left: 55, right: 95, top: 105, bottom: 121 });
  });

  it('leaves a name above its point where nothing is there', () => {
    expect(placeLandmarkLabels([at('c1', 0, 0)], [at('l1', 300, 300), at('l2', 500, 500)], GAP)).toEqual(ALL_ABOVE);
  });

  it('moves a name off a compound’s and off an earlier landmark’s', () => {
    // c1's name stands right above l1's point, so l1's goes elsewhere; l2's point is under
    // l1's, and its name finds a side clear of both.
    const c1 = at('c1', 100, 100);
    const [l1, l2] = [at('l1', 100, 100), at('l2', 100, 125)];
    const sides = placeLandmarkLabels([c1], [l1, l2], GAP);
    expect([sides.get('l1'), sides.get('l2')]).not.toContain(undefined);
    const [c, a, b] = [boxOn('above', c1, GAP), boxOn(sides.get('l1') ?? 'above', l1, GAP), boxOn(sides.get('l2') ?? 'above', l2, GAP)];
    expect(apart(c, a) && apart(c, b) && apart(a, b)).toBe(true);
  });

  it('covers compounds’ names rather than another landmark’s when every side covers something', () => {
    // Compounds' names all round l2's point; l1's name fills the only side compounds leave.
    const around = [at('c1', 100, 180, 200, 16), at('c2', 100, 240, 200, 16), at('c3', 30, 215, 40, 16)];
    const sides = placeLandmarkLabels(around, [at('l1', 185, 216, 30, 16), at('l2', 100, 200, 40, 16)], GAP);
    const l1 = boxOn(sides.get('l1') ?? 'above', at('l1', 185, 216, 30, 16), GAP);
    const l2 = boxOn(sides.get('l2') ?? 'above', at('l2', 100, 200, 40, 16), GAP);
    expect(apart(l1, l2)).toBe(true);
  });

  it('tells placements apart by their sides', () => {
    expect(sameSides(new Map([['l1', 'right']]), new Map([['l1', 'right']]))).toBe(true);
    expect(sameSides(new Map([['l1', 'right']]), new Map([['l1', 'left']]))).toBe(false);
    expect(sameSides(ALL_ABOVE, new Map([['l1', 'left']]))).toBe(false);
  });
});
