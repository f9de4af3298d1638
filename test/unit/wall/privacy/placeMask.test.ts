import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../../geo/loadPack.ts';
import { NAME_MARK, maskPlaceName } from '../../../../wall/privacy/placeMask.ts';

const pack = await loadPack();

describe('place names in privacy mode', () => {
  it.each([
    ['岚皋大楼小区', '××小区'],
    ['太浜巷小区二期', '××小区二期'],
    ['铜川路南小区', '××小区'],
    ['铁路大楼', '××大楼'],
    ['中山新村', '××新村'],
    ['中山一村', '××一村'],
    ['石泉六村', '××六村'],
    ['石泉雅苑', '××雅苑'],
    ['陆家宅佳苑', '××佳苑'],
    ['铜川苑', '××苑'],
    ['石泉公寓', '××公寓'],
    ['兰凤花园', '××花园'],
    ['秋月枫舍名邸', '××名邸'],
    ['石泉新村第二居委会', '××居委会'],
    ['镇坪路居委', '××居委'],
    ['品尊国际', '××'],
  ])('masks %s as %s', (name, masked) => {
    expect(maskPlaceName(name)).toBe(masked);
  });

  it('keepsANameThatIsOnlyAGenericWord', () => {
    expect(maskPlaceName('小区')).toBe('小区');
    expect(maskPlaceName('居委会')).toBe('居委会');
  });

  it('hidesTheLengthOfTheIdentifyingPart', () => {
    expect(maskPlaceName('太浜巷南小区')).toBe(maskPlaceName('中宁路小区'));
    expect(maskPlaceName('A')).toBe(NAME_MARK);
  });

  it('leavesNoNameOfThePackReadableInAnyMaskedName', () => {
    const names = [...pack.compounds.features, ...pack.committees.features, ...pack.areas.features].map((f) => f.properties.name);
    const masked = names.map(maskPlaceName).join('\n');
    for (const name of names) expect(masked, name).not.toContain(name);
  });

  it('keepsTheGenericSuffixOfEveryCompoundInThePack', () => {
    const kept = pack.compounds.features.filter(({ properties: { name } }) => maskPlaceName(name) !== NAME_MARK);
    // Only names with no generic word at all lose everything (品尊国际).
    expect(kept.length).toBeGreaterThanOrEqual(pack.compounds.features.length - 2);
  });
});
