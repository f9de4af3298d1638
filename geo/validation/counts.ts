// The sub-district has one boundary, 3 片区, 26 居委会 and 80 compounds (SPEC §3).
import { EXPECTED_COUNTS, PACK_FILES, type GeoPack } from '../schema.ts';
import type { Problem } from './problem.ts';

const EXPECTED = { boundary: 1, ...EXPECTED_COUNTS } as const;

export function checkCounts(pack: GeoPack): Problem[] {
  return (Object.keys(EXPECTED) as (keyof typeof EXPECTED)[]).flatMap((key) => {
    const actual = pack[key].features.length;
    return actual === EXPECTED[key]
      ? []
      : [{ file: PACK_FILES[key], message: `has ${actual} features, expected ${EXPECTED[key]}` }];
  });
}
