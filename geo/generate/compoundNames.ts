// Plausible compound names derived from the committee's name, the way Shanghai names its
// estates: numbered 新村 (石泉一村, 石泉二村 …) for the 1950s–80s public housing, "X小区" for
// estates named after a street or hamlet, "X苑 / X花园" for commodity housing, "X大楼" for towers.
import type { CompoundKind } from '../schema.ts';
import type { XY } from './localFrame.ts';
import type { Random } from '../../lib/random.ts';

/** village: named 新村, N村 or after a hamlet (宅, 厍, 浜); place: after a street or lane; estate: a developer's name. */
export type CommitteeStyle = 'village' | 'place' | 'estate';

export interface Stem {
  style: CommitteeStyle;
  base: string;
  /** The committee's own village number (石泉六村 → 六). */
  numeral?: string;
  /** Whether "<base>新村" suits its first compound (the committee's own name, or a hamlet's). */
  xincun: boolean;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** Chinese numerals 1–99. */
const numeral = (n: number) => (n < 10 ? DIGITS[n] : `${n >= 20 ? DIGITS[Math.floor(n / 10)] : ''}十${DIGITS[n % 10]}`) ?? '';

export function stemOf(committeeName: string): Stem {
  const name = committeeName.replace(/居委会$/, '').replace(/第[一二三四五六七八九十]+$/, '');
  const numbered = /^(.+?)([一二三四五六七八九十]+)村$/.exec(name);
  if (numbered) return { style: 'village', base: numbered[1] ?? name, numeral: numbered[2], xincun: false };
  if (name.endsWith('新村')) return { style: 'village', base: name.slice(0, -2), xincun: committeeName === `${name}居委会` };
  if (/[宅厍浜]$/.test(name)) return { style: 'village', base: name, xincun: true };
  if (/[路街巷弄]$/.test(name)) return { style: 'place', base: name, xincun: false };
  return { style: 'estate', base: name, xincun: false };
}

export interface NamingItem {
  committeeName: string;
  kind: CompoundKind;
  centre: XY;
  /** A name fixed beforehand (from the article). */
  fixed?: string;
}

const COMMODITY_SUFFIXES = ['苑', '花园', '公寓', '佳苑', '雅苑', '名邸'];
const TOWER_SUFFIXES = ['大楼', '大厦', '公寓'];

function direction(from: XY, to: XY): string {
  const [dx, dy] = [to[0] - from[0], to[1] - from[1]];
  if (Math.abs(dx) > Math.abs(dy)) return dx > 0 ? '东' : '西';
  return dy > 0 ? '北' : '南';
}

/** One unique name per item, in order; items of one committee share its stem. */
export function nameCompounds(items: readonly NamingItem[], random: Random): string[] {
  const used = new Set(items.flatMap((i) => (i.fixed ? [i.fixed] : [])));
  const stems = new Map(items.map((i) => [i.committeeName, stemOf(i.committeeName)]));
  // Village numbers already carried by a committee's name are kept for that committee.
  const reserved = new Set([...stems.values()].flatMap((s) => (s.numeral ? [`${s.base}${s.numeral}村`] : [])));
  const firstCentre = new Map<string, XY>();
  const take = (candidates: Iterable<string>): string | undefined => {
    for (const c of candidates) {
      if (!used.has(c)) {
        used.add(c);
        return c;
      }
    }
    return undefined;
  };
  function* numberedVillages(base: string) {
    for (let n = 1; n < 100; n++) {
      const name = `${base}${numeral(n)}村`;
      if (!reserved.has(name)) yield name;
    }
  }
  function* numberedPhases(name: string) {
    for (let n = 2; n < 100; n++) yield `${name}${numeral(n)}期`;
  }

  return items.map((item) => {
    if (item.fixed) return item.fixed;
    const stem = stems.get(item.committeeName) as Stem;
    const first = firstCentre.get(item.committeeName);
    if (!first) firstCentre.set(item.committeeName, item.centre);
    const short = stem.style === 'place' ? stem.base.replace(/[路街]$/, '') : stem.base;
    const candidates: string[] = [];
    if (item.kind === '售后公房' && stem.style === 'village') {
      if (stem.numeral) candidates.push(`${stem.base}${stem.numeral}村`);
      if (stem.xincun) candidates.push(`${stem.base}新村`);
      return take([...candidates, ...numberedVillages(stem.base)]) as string;
    }
    if (item.kind === '售后公房' && stem.style === 'place') {
      candidates.push(`${stem.base}小区`);
      if (first) candidates.push(`${stem.base}${direction(first, item.centre)}小区`);
    } else if (item.kind === '商品房') {
      if (stem.style === 'estate') candidates.push(stem.base);
      const start = random.int(0, COMMODITY_SUFFIXES.length - 1);
      COMMODITY_SUFFIXES.forEach((_, k) => candidates.push(`${short}${COMMODITY_SUFFIXES[(start + k) % COMMODITY_SUFFIXES.length]}`));
    } else {
      TOWER_SUFFIXES.forEach((suffix) => candidates.push(`${short}${suffix}`));
    }
    if (stem.style === 'estate') candidates.push(stem.base);
    return take([...candidates, ...numberedPhases(candidates[0] ?? stem.base)]) as string;
  });
}
