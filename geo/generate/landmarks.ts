// Landmarks named in the article, plus 岚皋路 metro station (a real point). Schools, the health
// centre, the plaza and the information centre each take the free parcel nearest to a guessed
// position, so they never sit inside a housing compound; only the names are real.
import type { Position } from 'geojson';
import type { Landmark, LandmarkProps } from '../schema.ts';
import type { LocalFrame, XY } from './localFrame.ts';
import type { Parcel } from './parcels.ts';
import type { LaidStreet } from './streets.ts';

type Site =
  | { parcelNear: Position }
  | { junction: [ns: string, ew: string]; otherwise: Position }
  | { metroStation: true };

interface LandmarkDef extends Omit<LandmarkProps, 'id' | 'provenance'> {
  site: Site;
}

const LANDMARKS: readonly LandmarkDef[] = [
  { name: '宁强路25号彩虹广场', nameEn: 'Rainbow Plaza, 25 Ningqiang Road', kind: 'plaza', site: { parcelNear: [121.4127, 31.251] } },
  { name: '铜川路静宁路路口', nameEn: 'Tongchuan Rd × Jingning Rd junction', kind: 'junction', site: { junction: ['静宁路', '铜川路'], otherwise: [121.4112, 31.2532] } },
  { name: '陆家宅小学', nameEn: 'Lujiazhai Primary School', kind: 'school', site: { parcelNear: [121.4157, 31.2462] } },
  { name: '北海中学', nameEn: 'Beihai Middle School', kind: 'school', site: { parcelNear: [121.4205, 31.2586] } },
  { name: '石泉社区卫生服务中心', nameEn: 'Shiquan Community Health Service Centre', kind: 'health', site: { parcelNear: [121.416, 31.2543] } },
  { name: '东方信息苑', nameEn: 'Oriental Information Garden (community IT centre)', kind: 'community', site: { parcelNear: [121.4196, 31.2572] } },
  { name: '岚皋路站', nameEn: 'Langao Road Station (Metro Line 7)', kind: 'metro', site: { metroStation: true } },
];

export interface SitedLandmarks {
  landmarks: Landmark[];
  /** Parcels the landmarks took. */
  taken: Parcel[];
}

const squaredDistance = (a: XY, b: XY) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

function junction(streets: readonly LaidStreet[], [nsName, ewName]: [string, string]): XY | null {
  const ns = streets.find((s) => s.def.name === nsName && s.def.axis === 'ns');
  const ew = streets.find((s) => s.def.name === ewName && s.def.axis === 'ew');
  if (!ns || !ew) return null;
  const within = (pieces: [number, number][], v: number) => pieces.some(([a, b]) => v >= a && v <= b);
  return within(ew.pieces, ns.at) && within(ns.pieces, ew.at) ? [ns.at, ew.at] : null;
}

/** Sites every landmark; `free` are the parcels a landmark may take, nearest first. */
export function siteLandmarks(
  free: readonly Parcel[],
  streets: readonly LaidStreet[],
  metroStation: Position,
  frame: LocalFrame,
): SitedLandmarks {
  const taken: Parcel[] = [];
  const landmarks = LANDMARKS.map(({ site, ...def }, i): Landmark => {
    let at: Position;
    if ('metroStation' in site) at = metroStation;
    else if ('junction' in site) {
      const crossing = junction(streets, site.junction);
      at = crossing ? frame.toLonLat(crossing) : site.otherwise;
    } else {
      const hint = frame.toXY(site.parcelNear);
      const parcel = free
        .filter((p) => !taken.includes(p))
        .sort((a, b) => squaredDistance(a.centre, hint) - squaredDistance(b.centre, hint))[0];
      if (parcel) taken.push(parcel);
      at = parcel ? frame.toLonLat(parcel.centre) : site.parcelNear;
    }
    const props: LandmarkProps = { id: `SQ-L${String(i + 1).padStart(2, '0')}`, ...def, provenance: 'real' };
    return { type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: at } };
  });
  return { landmarks, taken };
}
