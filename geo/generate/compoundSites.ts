// Which parcels become the 80 compounds. The two compounds the article names come first, at
// their described places; then every committee gets its largest parcel, and the largest of the
// rest fill up the count. Parcels left over serve as green space.
import type { Position } from 'geojson';
import type { CompoundKind } from '../schema.ts';
import type { LocalFrame, XY } from './localFrame.ts';
import type { Parcel } from './parcels.ts';

export interface ArticleCompound {
  name: string;
  kind: CompoundKind;
  address: string | null;
  /** Where the article or the sources place it. */
  near: Position;
}

export const ARTICLE_COMPOUNDS: readonly ArticleCompound[] = [
  // The pilot compound: 中山北路2197弄, on the Inner Ring edge near 岚皋路.
  { name: '岚皋大楼小区', kind: '大楼', address: '中山北路2197弄', near: [121.4178, 31.2452] },
  // Named after its lane; placed in the 太浜巷 committee.
  { name: '太浜巷小区', kind: '售后公房', address: null, near: [121.4092, 31.2455] },
];

export interface Site {
  parcel: Parcel;
  article: ArticleCompound | null;
}

const squaredDistance = (a: XY, b: XY) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const largestFirst = (a: Parcel, b: Parcel) => b.area - a.area;

/** `count` sites in id order: by committee, then north to south, west to east. */
export function chooseSites(parcels: readonly Parcel[], committeeIds: readonly string[], count: number, frame: LocalFrame): Site[] {
  const chosen = new Map<Parcel, ArticleCompound | null>();
  const free = () => parcels.filter((p) => !chosen.has(p));
  for (const article of ARTICLE_COMPOUNDS) {
    const at = frame.toXY(article.near);
    const nearest = free().sort((a, b) => squaredDistance(a.centre, at) - squaredDistance(b.centre, at))[0];
    if (!nearest) throw new Error(`no parcel left for ${article.name}`);
    chosen.set(nearest, article);
  }
  for (const id of committeeIds) {
    if ([...chosen.keys()].some((p) => p.committeeId === id)) continue;
    const largest = free().filter((p) => p.committeeId === id).sort(largestFirst)[0];
    if (!largest) throw new Error(`committee ${id} has no parcel for a compound`);
    chosen.set(largest, null);
  }
  for (const p of free().sort(largestFirst).slice(0, Math.max(0, count - chosen.size))) chosen.set(p, null);
  if (chosen.size < count) throw new Error(`only ${chosen.size} parcels for ${count} compounds`);
  return [...chosen]
    .map(([parcel, article]) => ({ parcel, article }))
    .sort(
      (a, b) =>
        compareText(a.parcel.committeeId, b.parcel.committeeId) ||
        b.parcel.centre[1] - a.parcel.centre[1] ||
        a.parcel.centre[0] - b.parcel.centre[0],
    );
}
