// Romanised compound names for visitors who read no Chinese, derived from the Chinese name by
// rule: Hanyu Pinyin without tones (pinyin-pro picks each character's reading in context), one
// word for the proper name and one for each generic part a Shanghai estate name ends with, the
// way street signs write them: 岚皋大楼小区 → Langao Dalou Xiaoqu, 铜川路东小区 → Tongchuan Rd
// Dong Xiaoqu, 太浜巷小区二期 → Taibangxiang Xiaoqu Erqi.
import { pinyin } from 'pinyin-pro';

const NUMERAL = '[一二三四五六七八九十]+';
/** Generic endings, peeled off from the end one at a time (longest first where they overlap). */
const ENDINGS = [
  new RegExp(`${NUMERAL}期$`), // phase: 二期
  /(小区|新村|大楼|大厦|公寓|花园|佳苑|雅苑|名邸)$/,
  new RegExp(`${NUMERAL}村$`), // numbered village: 六村
  /苑$/,
];
/** A direction before 小区 (铜川路东小区) is a word of its own. */
const DIRECTION = /[东西南北]$/;
/** Roads and streets as on the signs, when the proper name before them has two characters or more. */
const ROADS: Readonly<Record<string, string>> = { 路: 'Rd', 街: 'St' };

/** One pinyin word: syllables run together, capitalised, with an apostrophe before a, o, e inside. */
function word(hanzi: string): string {
  const syllables = pinyin(hanzi, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const joined = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

const ORDINALS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * A 居委会 (neighbourhood committee) by the place it serves, as a ranking or a map shows it under
 * a "Committees" heading: 石泉新村第二居委会 → Shiquan Xincun No. 2, 镇坪路居委会 → Zhenping Rd.
 */
export function romaniseCommittee(name: string): string {
  const place = name.replace(/居委会$/, '');
  const ordinal = /第([一二三四五六七八九])$/.exec(place);
  if (!ordinal) return romanise(place);
  return `${romanise(place.slice(0, ordinal.index))} No. ${ORDINALS[ordinal[1]!]}`;
}

export function romanise(name: string): string {
  const tail: string[] = [];
  let rest = name;
  for (let peeled = true; peeled && rest.length > 0; ) {
    peeled = false;
    for (const ending of ENDINGS) {
      const match = ending.exec(rest);
      if (!match || match.index === 0) continue;
      tail.unshift(word(match[0]));
      rest = rest.slice(0, match.index);
      peeled = true;
      if (match[0] === '小区' && DIRECTION.test(rest) && rest.length > 2) {
        tail.unshift(word(rest.slice(-1)));
        rest = rest.slice(0, -1);
      }
      break;
    }
  }
  const road = ROADS[rest.slice(-1)];
  const proper = road && rest.length > 2 ? [word(rest.slice(0, -1)), road] : [word(rest)];
  return [...proper, ...tail].join(' ');
}
