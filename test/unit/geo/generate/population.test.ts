import { describe, expect, it } from 'vitest';
import { populate, TARGET_ELDERLY_SHARE, TARGET_RESIDENTS } from '../../../../geo/generate/population.ts';
import { seededRandom } from '../../../../lib/random.ts';
import type { CompoundKind } from '../../../../geo/schema.ts';

const kinds: CompoundKind[] = ['售后公房', '售后公房', '售后公房', '商品房', '大楼'];
const compounds = Array.from({ length: 40 }, (_, i) => ({ kind: kinds[i % kinds.length]!, floorArea: 20_000 + 1_000 * i }));

describe('populate', () => {
  const people = populate(compounds, seededRandom(9));
  const residents = people.reduce((sum, p) => sum + p.residents, 0);

  it('houses the target population, in proportion to floor area within a kind', () => {
    expect(Math.abs(residents - TARGET_RESIDENTS)).toBeLessThanOrEqual(compounds.length);
    expect(people[35]!.residents).toBeGreaterThan(people[0]!.residents);
  });

  it('makes the residents-weighted share aged 60+ the article figure', () => {
    const elderly = people.reduce((sum, p) => sum + p.residents * p.elderlyShare, 0) / residents;
    expect(elderly).toBeCloseTo(TARGET_ELDERLY_SHARE, 3);
  });

  it('gives old public housing an older population than commodity housing', () => {
    const mean = (kind: CompoundKind) => {
      const of = people.filter((_, i) => compounds[i]!.kind === kind);
      return of.reduce((sum, p) => sum + p.elderlyShare, 0) / of.length;
    };
    expect(mean('售后公房')).toBeGreaterThan(mean('商品房') + 0.1);
  });

  it('puts 2.5 to 2.8 people in a household', () => {
    for (const p of people) {
      expect(p.residents / p.households).toBeGreaterThanOrEqual(2.45);
      expect(p.residents / p.households).toBeLessThanOrEqual(2.85);
    }
  });
});
