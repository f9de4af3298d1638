// Compounds, their buildings and the landmarks between them. Synthesized compounds take the
// parcels left after the landmarks; surveyed compounds are kept, and landmarks and green take
// only parcels clear of them.
import { EXPECTED_COUNTS, type Building, type Committee, type Compound, type Landmark } from '../schema.ts';
import { buildingFeatures } from './buildings.ts';
import { chooseSites } from './compoundSites.ts';
import { synthesizeCompounds } from './compounds.ts';
import { overlapPieces, polygonArea } from './geojson.ts';
import { siteLandmarks } from './landmarks.ts';
import type { LocalFrame } from './localFrame.ts';
import type { Parcel } from './parcels.ts';
import type { Random } from '../../lib/random.ts';
import type { SourceData } from './sources.ts';
import type { LaidStreet } from './streets.ts';

export interface Housing {
  compounds: Compound[];
  buildings: Building[];
  landmarks: Landmark[];
  /** Parcels neither a compound nor a landmark took. */
  leftover: Parcel[];
}

export interface Surroundings {
  streets: readonly LaidStreet[];
  metroStation: SourceData['metroStation'];
  frame: LocalFrame;
}

function overlapsAny(parcel: Parcel, compounds: readonly Compound[], frame: LocalFrame): boolean {
  return compounds.some((c) => overlapPieces(parcel.polygon, c.geometry).some((p) => polygonArea(p, frame) > 1));
}

export function layHousing(
  parcels: readonly Parcel[],
  committees: readonly Committee[],
  surveyed: { compounds?: Compound[]; buildings?: Building[] },
  around: Surroundings,
  random: Random,
): Housing {
  const { streets, metroStation, frame } = around;
  if (surveyed.compounds) {
    const given = surveyed.compounds;
    const free = parcels.filter((p) => !overlapsAny(p, given, frame));
    const sited = siteLandmarks(free, streets, metroStation, frame);
    const buildings =
      surveyed.buildings ??
      given.flatMap(({ properties: { id, kind }, geometry }) => buildingFeatures(id, geometry, kind, frame, random.stream(`buildings:${id}`)));
    return { compounds: given, buildings, landmarks: sited.landmarks, leftover: free.filter((p) => !sited.taken.includes(p)) };
  }
  const sited = siteLandmarks(parcels, streets, metroStation, frame);
  const open = parcels.filter((p) => !sited.taken.includes(p));
  const sites = chooseSites(open, committees.map((c) => c.properties.id), EXPECTED_COUNTS.compounds, frame);
  const housed = new Set(sites.map((s) => s.parcel));
  return {
    ...synthesizeCompounds(sites, committees, frame, random),
    landmarks: sited.landmarks,
    leftover: open.filter((p) => !housed.has(p)),
  };
}
