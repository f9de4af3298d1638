// Compound and committee names romanised for visitors: pinyin without tones, the proper name one
// word and each generic ending another, readings right for the place-name characters of this
// sub-district; a committee by its place, with its number.
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../../geo/loadPack.ts';
import { romanise, romaniseCommittee } from '../../../../geo/generate/romanise.ts';

describe('romanised compound names', () => {
  it.each([
    ['岚皋大楼小区', 'Langao Dalou Xiaoqu'],
    ['太浜巷小区二期', 'Taibangxiang Xiaoqu Erqi'],
    ['管弄六村', 'Guannong Liucun'],
    ['薛家厍新村', 'Xuejiashe Xincun'],
    ['陆家宅佳苑', 'Lujiazhai Jiayuan'],
    ['铜川路东小区', 'Tongchuan Rd Dong Xiaoqu'],
    ['铁路大楼', 'Tielu Dalou'],
    ['铜川苑', 'Tongchuan Yuan'],
    ['秋月枫舍名邸', 'Qiuyuefengshe Mingdi'],
    ['西安新村', "Xi'an Xincun"],
  ])('%s → %s', (name, romanised) => {
    expect(romanise(name)).toBe(romanised);
  });
});

describe('romanised committee names', () => {
  it.each([
    ['石泉新村第二居委会', 'Shiquan Xincun No. 2'],
    ['镇坪路居委会', 'Zhenping Rd'],
    ['陆家宅第一居委会', 'Lujiazhai No. 1'],
    ['石岚三村居委会', 'Shilan Sancun'],
  ])('%s → %s', (name, romanised) => {
    expect(romaniseCommittee(name)).toBe(romanised);
  });
});

describe('the pack', () => {
  it.each([
    ['compounds', romanise],
    ['committees', romaniseCommittee],
  ] as const)('gives every one of its %s a distinct romanised name in Latin letters', async (layer, rule) => {
    const names = (await loadPack())[layer].features.map((f) => f.properties);
    for (const { name, nameEn } of names) {
      expect(nameEn).toBe(rule(name));
      expect(nameEn).toMatch(/^[A-Z][A-Za-z0-9.' ]+$/);
    }
    expect(new Set(names.map((p) => p.nameEn)).size).toBe(names.length);
  });
});
