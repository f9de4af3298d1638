import { describe, expect, it } from 'vitest';
import { layOutBlocks } from '../../../../geo/generate/buildings.ts';
import type { XY } from '../../../../geo/generate/localFrame.ts';
import { rectInsidePolygon, type Rect } from '../../../../geo/generate/planar.ts';
import { seededRandom } from '../../../../lib/random.ts';

const square: XY[] = [[0, 0], [160, 0], [160, 140], [0, 140], [0, 0]];
// A plot cut by a diagonal boundary edge: the north-east corner is missing.
const clipped: XY[] = [[0, 0], [160, 0], [160, 60], [80, 140], [0, 140], [0, 0]];

const overlap = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('layOutBlocks', () => {
  it.each([['售后公房'], ['商品房'], ['大楼']] as const)('keeps %s blocks inside the compound and apart', (kind) => {
    for (const ring of [square, clipped]) {
      const blocks = layOutBlocks([ring], kind, seededRandom(5));
      expect(blocks.length).toBeGreaterThan(0);
      blocks.forEach((a, i) => {
        expect(rectInsidePolygon(a.rect, [ring])).toBe(true);
        blocks.slice(i + 1).forEach((b) => expect(overlap(a.rect, b.rect)).toBe(false));
      });
    }
  });

  it('lays old 新村 out as 5–7 storey slabs in east–west rows a building height apart', () => {
    const blocks = layOutBlocks([square], '售后公房', seededRandom(1));
    for (const { rect, floors } of blocks) {
      expect([5, 6, 7]).toContain(floors);
      expect(rect.x1 - rect.x0).toBeGreaterThan(rect.y1 - rect.y0); // long side east–west
    }
    const rows = [...new Set(blocks.map((b) => b.rect.y0))].sort((a, b) => a - b);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < rows.length; i++) expect(rows[i]! - rows[i - 1]!).toBeGreaterThan(25);
  });

  it('puts towers of 12 storeys or more on 大楼 compounds', () => {
    const blocks = layOutBlocks([square], '大楼', seededRandom(2));
    for (const { floors } of blocks) expect(floors).toBeGreaterThanOrEqual(12);
  });

  it('still places a block on a parcel too small for a row', () => {
    const small: XY[] = [[0, 0], [40, 0], [40, 25], [0, 25], [0, 0]];
    expect(layOutBlocks([small], '售后公房', seededRandom(3))).toHaveLength(1);
  });
});
