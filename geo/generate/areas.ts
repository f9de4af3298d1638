// The three 片区. The article names only 石泉铜川片区; the other two names are made up from
// the committees they hold. Their borders follow 岚皋路 and 宁强路, so that no block is split.
import { featureCollection, union } from '@turf/turf';
import type { Position } from 'geojson';
import type { Area, AreaProps, Committee } from '../schema.ts';
import { LANGAO_LON, NINGQIANG_LAT } from './streets.ts';

export interface AreaDef extends AreaProps {
  /** Whether a point (lon/lat) of the sub-district belongs to this area. */
  holds(p: Position): boolean;
}

export const AREAS: readonly AreaDef[] = [
  {
    id: 'SQ-A1',
    name: '石泉铜川片区',
    nameEn: 'Shiquan–Tongchuan Area',
    provenance: 'real',
    holds: ([lon = 0, lat = 0]) => lon < LANGAO_LON && lat > NINGQIANG_LAT,
  },
  {
    id: 'SQ-A2',
    name: '岚皋管弄片区',
    nameEn: 'Langao–Guannong Area',
    provenance: 'synthesized',
    holds: ([lon = 0, lat = 0]) => lon >= LANGAO_LON && lat > NINGQIANG_LAT,
  },
  {
    id: 'SQ-A3',
    name: '中山陆家宅片区',
    nameEn: 'Zhongshan–Lujiazhai Area',
    provenance: 'synthesized',
    holds: ([, lat = 0]) => lat <= NINGQIANG_LAT,
  },
];

export function areaOfPoint(p: Position): string {
  const area = AREAS.find((a) => a.holds(p));
  if (!area) throw new Error(`no area holds ${p.join(',')}`);
  return area.id;
}

/** Each area as the union of its committees, in id order. */
export function areasFromCommittees(committees: readonly Committee[]): Area[] {
  const ids = [...new Set(committees.map((c) => c.properties.areaId))].sort();
  return ids.map((id) => {
    const merged = union(featureCollection(committees.filter((c) => c.properties.areaId === id)));
    if (!merged) throw new Error(`area ${id} has no committee polygons`);
    const known = AREAS.find((a) => a.id === id);
    // A surveyed committee file may use area ids of its own; name those areas after the id.
    const props: AreaProps = known
      ? { id, name: known.name, nameEn: known.nameEn, provenance: known.provenance }
      : { id, name: id, nameEn: id, provenance: 'synthesized' };
    return { type: 'Feature', properties: props, geometry: merged.geometry };
  });
}
