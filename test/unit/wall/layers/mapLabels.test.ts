import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../../geo/loadPack.ts';
import { mapLabels } from '../../../../wall/layers/labels.ts';
import { INDEX } from '../../state/helpers.ts';

const pack = await loadPack();

describe('map labels', () => {
  const labels = mapLabels(pack, INDEX.labelPoints);

  it('names all 80 compounds at their label points and every landmark', () => {
    const compounds = labels.filter((l) => l.kind === 'compound');
    expect(compounds).toHaveLength(80);
    const langao = compounds.find((l) => l.zh === '岚皋大楼小区');
    expect(langao?.position).toEqual(INDEX.labelPoints.get(langao?.id ?? ''));
    expect(labels.filter((l) => l.kind === 'landmark')).toHaveLength(pack.landmarks.features.length);
  });

  it('has short English names for landmarks and keeps the Chinese compound names in English', () => {
    const school = labels.find((l) => l.zh === '陆家宅小学');
    expect(school?.en).toBe('Lujiazhai Primary School');
    expect(labels.find((l) => l.zh === '岚皋路站')?.en).toBe('Langao Road Station');
    expect(labels.find((l) => l.zh === '宁强路25号彩虹广场')?.en).toBe('Rainbow Plaza');
    const compound = labels.find((l) => l.kind === 'compound');
    expect(compound?.en).toBe(compound?.zh);
  });
});
