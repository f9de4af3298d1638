import { describe, expect, it } from 'vitest';
import { nameCompounds, stemOf, type NamingItem } from '../../../../geo/generate/compoundNames.ts';
import { seededRandom } from '../../../../lib/random.ts';

const item = (committeeName: string, kind: NamingItem['kind'] = '售后公房', centre: [number, number] = [0, 0]): NamingItem => ({
  committeeName,
  kind,
  centre,
});

describe('stemOf', () => {
  it.each([
    ['石泉新村第二居委会', { style: 'village', base: '石泉', xincun: false }],
    ['石泉六村居委会', { style: 'village', base: '石泉', numeral: '六', xincun: false }],
    ['铁路新村居委会', { style: 'village', base: '铁路', xincun: true }],
    ['陆家宅第一居委会', { style: 'village', base: '陆家宅', xincun: true }],
    ['镇坪路居委会', { style: 'place', base: '镇坪路', xincun: false }],
    ['秋月枫舍居委会', { style: 'estate', base: '秋月枫舍', xincun: false }],
  ])('reads %s', (name, stem) => {
    expect(stemOf(name)).toEqual(stem);
  });
});

describe('nameCompounds', () => {
  it('numbers the 新村 of one stem across committees, keeping a committee its own number', () => {
    const names = nameCompounds(
      [item('石泉新村第一居委会'), item('石泉新村第一居委会'), item('石泉六村居委会'), item('石泉新村第二居委会')],
      seededRandom(1),
    );
    expect(names).toEqual(['石泉一村', '石泉二村', '石泉六村', '石泉三村']);
  });

  it('names street estates 小区 and tells later ones apart by direction', () => {
    const names = nameCompounds([item('镇坪路居委会', '售后公房', [0, 0]), item('镇坪路居委会', '售后公房', [200, 10])], seededRandom(1));
    expect(names).toEqual(['镇坪路小区', '镇坪路东小区']);
  });

  it('gives commodity housing and towers their own styles, and never repeats a name', () => {
    const items = [
      item('秋月枫舍居委会', '商品房'),
      item('秋月枫舍居委会', '商品房'),
      item('中宁路居委会', '大楼'),
      item('中宁路居委会', '大楼'),
      item('太浜巷居委会'),
      { ...item('太浜巷居委会'), fixed: '太浜巷小区' },
    ];
    const names = nameCompounds(items, seededRandom(4));
    expect(names[0]).toBe('秋月枫舍');
    expect(names[1]).toMatch(/^秋月枫舍(苑|花园|公寓|佳苑|雅苑|名邸)$/);
    expect(names.slice(2, 4)).toEqual(['中宁大楼', '中宁大厦']);
    expect(names[5]).toBe('太浜巷小区');
    expect(names[4]).not.toBe('太浜巷小区');
    expect(new Set(names).size).toBe(names.length);
  });
});
