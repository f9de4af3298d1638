// Where an event lands: for each compound of the pack, its name, committee, 片区 and a point
// inside it (for events that carry no coordinates). Built once from the pack index.
import type { LngLat, PackIndex } from '../../geo/packIndex.ts';

export interface Place {
  id: string;
  name: string;
  committeeId: string;
  areaId: string;
  point: LngLat;
}

export interface Places {
  compounds: ReadonlyMap<string, Place>;
  /** Ids in id order, as snapshots list them. */
  compoundIds: readonly string[];
  committeeIds: readonly string[];
  areaIds: readonly string[];
  bbox: [number, number, number, number];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildPlaces(index: PackIndex): Places {
  const compounds = new Map<string, Place>();
  for (const [id, compound] of index.compounds) {
    const { name, committeeId, areaId } = compound.properties;
    const point = index.labelPoints.get(id);
    if (!point) throw new Error(`state: compound ${id} has no label point in the pack index`);
    if (!index.committees.has(committeeId) || !index.areas.has(areaId)) {
      const parents = `committee ${committeeId} or 片区 ${areaId}`;
      throw new Error(`state: compound ${id} names ${parents}, missing from the pack`);
    }
    compounds.set(id, { id, name, committeeId, areaId, point });
  }
  const [west, south, east, north] = index.bbox;
  return {
    compounds,
    compoundIds: [...compounds.keys()].sort(byId),
    committeeIds: [...index.committees.keys()].sort(byId),
    areaIds: [...index.areas.keys()].sort(byId),
    bbox: [west, south, east, north],
  };
}
