// Households, residents and the share aged 60+ for synthesized compounds. Residents follow each
// compound's floor area (small flats in old 新村, larger ones in 商品房), scaled so the sub-district
// totals the article's "近10万"; elderly shares lean old in 新村 and are shifted so the
// residents-weighted mean is the article's 42.78 %.
import type { CompoundKind } from '../schema.ts';
import type { Random } from '../../lib/random.ts';

export const TARGET_RESIDENTS = 100_000;
export const TARGET_ELDERLY_SHARE = 0.4278;
/** Gross floor area per household, m². */
const FLOOR_AREA_PER_HOUSEHOLD: Record<CompoundKind, number> = { 售后公房: 55, 商品房: 110, 大楼: 80 };
const ELDERLY_BASE: Record<CompoundKind, number> = { 售后公房: 0.46, 商品房: 0.3, 大楼: 0.42 };
const ELDERLY_SPREAD = 0.05;
const ELDERLY_RANGE = [0.12, 0.7] as const;
const PERSONS_PER_HOUSEHOLD = [2.5, 2.8] as const;

export interface Population {
  households: number;
  residents: number;
  elderlyShare: number;
}

const clamp = (v: number) => Math.min(ELDERLY_RANGE[1], Math.max(ELDERLY_RANGE[0], v));

/** Residents-weighted mean of the shares, pulled to `target` by a common shift (clamped). */
function shiftShares(shares: number[], residents: readonly number[], target: number): number[] {
  const total = residents.reduce((a, b) => a + b, 0);
  let shifted = shares;
  // Clamping can undo part of a shift; a few rounds close the gap.
  for (let round = 0; round < 5; round++) {
    const mean = shifted.reduce((sum, s, i) => sum + s * (residents[i] ?? 0), 0) / total;
    shifted = shifted.map((s) => clamp(s + target - mean));
  }
  return shifted;
}

export function populate(
  compounds: readonly { kind: CompoundKind; floorArea: number }[],
  random: Random,
): Population[] {
  const persons = compounds.map(() => random.between(...PERSONS_PER_HOUSEHOLD));
  const raw = compounds.map((c, i) => (c.floorArea / FLOOR_AREA_PER_HOUSEHOLD[c.kind]) * (persons[i] ?? 0));
  const scale = TARGET_RESIDENTS / raw.reduce((a, b) => a + b, 0);
  const residents = raw.map((r) => Math.round(r * scale));
  const shares = shiftShares(
    compounds.map((c) => clamp(ELDERLY_BASE[c.kind] + random.between(-ELDERLY_SPREAD, ELDERLY_SPREAD))),
    residents,
    TARGET_ELDERLY_SHARE,
  );
  return residents.map((r, i) => ({
    households: Math.round(r / (persons[i] ?? 1)),
    residents: r,
    elderlyShare: Math.round((shares[i] ?? 0) * 10_000) / 10_000,
  }));
}
