// Place names in privacy mode: the generic tail a viewer needs to read the wall (小区, 大楼,
// 新村, 居委会, …) stays, the identifying head becomes a fixed mark whatever its length, so
// neither the name nor its length can be read off a public demo.

/** What stands for the hidden part of a name. */
export const NAME_MARK = '××';

const NUMERAL = '[一二三四五六七八九十0-9０-９]+';

// One generic suffix, the longest first where two share an ending (雅苑 before 苑).
const GENERIC_TAIL = new RegExp(
  `(?:居委会|居委|小区(?:${NUMERAL}期)?|大楼|新村|${NUMERAL}村|公寓|花园|雅苑|佳苑|名邸|苑)$`,
  'u',
);

/** `岚皋大楼小区` → `××小区`, `中山一村` → `××一村`, `石泉新村第二居委会` → `××居委会`. */
export function maskPlaceName(name: string): string {
  const trimmed = name.trim();
  const tail = GENERIC_TAIL.exec(trimmed)?.[0] ?? '';
  // A name that is nothing but a generic word identifies nothing.
  return tail === trimmed ? trimmed : NAME_MARK + tail;
}
