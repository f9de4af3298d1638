// What kind of housing each compound is, and when it was built. 石泉 is mostly 1950s–80s public
// housing later sold to tenants (售后公房); commodity estates (商品房) replaced some of it from the
// 1990s, and a few tower blocks (大楼) stand on the main roads.
import type { CompoundKind } from '../schema.ts';
import type { CommitteeStyle } from './compoundNames.ts';
import type { Random } from '../../lib/random.ts';

/** How many compounds of each kind besides the 售后公房 majority. */
export const KIND_TARGETS = { 商品房: 16, 大楼: 6 } as const;
const BUILT_YEARS: Record<CompoundKind, [number, number]> = {
  售后公房: [1954, 1989],
  商品房: [1996, 2012],
  大楼: [1984, 1999],
};

export interface ProfileItem {
  committeeStyle: CommitteeStyle;
  area: number;
  /** A kind fixed beforehand (from the article). */
  fixedKind?: CompoundKind;
}

/** Draws `count` indices from `pool` with the given weights, without replacement. */
function drawWeighted(pool: number[], weight: (i: number) => number, count: number, random: Random): number[] {
  const drawn: number[] = [];
  const left = [...pool];
  while (drawn.length < count && left.length > 0) {
    const total = left.reduce((sum, i) => sum + weight(i), 0);
    let r = random.between(0, total);
    const k = left.findIndex((i) => (r -= weight(i)) < 0);
    drawn.push(...left.splice(k < 0 ? left.length - 1 : k, 1));
  }
  return drawn;
}

export function assignKinds(items: readonly ProfileItem[], random: Random): CompoundKind[] {
  const kinds: (CompoundKind | null)[] = items.map((item) =>
    item.fixedKind ?? (item.committeeStyle === 'estate' ? '商品房' : null),
  );
  const open = () => kinds.flatMap((k, i) => (k === null ? [i] : []));
  const have = (kind: CompoundKind) => kinds.filter((k) => k === kind).length;
  // Towers need little land: the smaller the parcel, the likelier a 大楼.
  const towerWeight = (i: number) => 1 / (items[i]?.area ?? 1) ** 2;
  for (const i of drawWeighted(open(), towerWeight, KIND_TARGETS.大楼 - have('大楼'), random)) kinds[i] = '大楼';
  // Estates named after streets saw more redevelopment than the big 新村.
  const commodityWeight = (i: number) => (items[i]?.committeeStyle === 'place' ? 3 : 1);
  for (const i of drawWeighted(open(), commodityWeight, KIND_TARGETS.商品房 - have('商品房'), random)) kinds[i] = '商品房';
  return kinds.map((k) => k ?? '售后公房');
}

export function builtYear(kind: CompoundKind, random: Random): number {
  return random.int(...BUILT_YEARS[kind]);
}
