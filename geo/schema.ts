// The geography pack's file names and feature properties: the one definition that the
// generator writes, the validator checks, and the relay, simulator and wall read.
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';

/** Files of a pack, relative to its directory (`geo/pack/` for the committed one). */
export const PACK_FILES = {
  boundary: 'boundary.geojson',
  areas: 'areas.geojson',
  committees: 'committees.geojson',
  compounds: 'compounds.geojson',
  buildings: 'buildings.geojson',
  landmarks: 'landmarks.geojson',
  roads: 'roads.geojson',
  railway: 'railway.geojson',
  green: 'green.geojson',
} as const;
export type PackFileKey = keyof typeof PACK_FILES;

/** Counts a valid pack of 石泉路街道 has (SPEC §3). */
export const EXPECTED_COUNTS = { areas: 3, committees: 26, compounds: 80 } as const;
/** Official area of the sub-district, km²; the boundary must be within 5 % of it. */
export const OFFICIAL_AREA_KM2 = 3.53;

/** Where a name or geometry comes from: real data, or made up by the generator. */
export type Provenance = 'real' | 'schematic' | 'synthesized';

export interface BoundaryProps {
  id: string; // adcode, '310107017'
  name: string;
  nameEn: string;
  provenance: Provenance;
}

export interface AreaProps {
  id: string; // 'SQ-A1' … 'SQ-A3'
  name: string; // e.g. 石泉铜川片区
  nameEn: string;
  provenance: Provenance;
}

export interface CommitteeProps {
  id: string; // 'SQ-R01' … 'SQ-R26'
  adcode: string | null; // NBS code (2016) when the name is real, null when synthesized
  name: string; // e.g. 石泉新村第二居委会
  nameEn: string; // romanised from name (geo/generate/romanise.ts), e.g. Shiquan Xincun No. 2
  shortName: string; // e.g. 石二
  areaId: string;
  provenance: Provenance; // of the name; every committee polygon is synthesized
}

export const COMPOUND_KINDS = ['售后公房', '商品房', '大楼'] as const;
export type CompoundKind = (typeof COMPOUND_KINDS)[number];

export interface CompoundProps {
  id: string; // 'SQ-C01' … 'SQ-C80'
  name: string;
  nameEn: string; // romanised from name (geo/generate/romanise.ts), e.g. Langao Dalou Xiaoqu
  areaId: string;
  committeeId: string;
  households: number;
  residents: number;
  elderlyShare: number; // 0..1, share of residents aged 60+
  kind: CompoundKind;
  builtYear: number;
  address: string | null;
  provenance: Provenance; // 'real' only for names from the article; all polygons are synthesized
}

export interface BuildingProps {
  id: string; // 'SQ-C01-B01'
  compoundId: string;
  height: number; // metres
  floors: number;
}

export interface LandmarkProps {
  id: string; // 'SQ-L01'
  name: string;
  nameEn: string;
  kind: 'school' | 'health' | 'plaza' | 'junction' | 'community' | 'metro';
  provenance: Provenance; // 'real' = name real, position approximate
}

export type RoadClass = 'boundary' | 'elevated' | 'arterial' | 'local';
export interface RoadProps {
  name: string;
  nameEn: string;
  class: RoadClass;
  provenance: Provenance;
}

export interface LineProps {
  name: string;
  provenance: Provenance;
}

export type Area = Feature<Polygon | MultiPolygon, AreaProps>;
export type Committee = Feature<Polygon | MultiPolygon, CommitteeProps>;
export type Compound = Feature<Polygon, CompoundProps>;
export type Building = Feature<Polygon, BuildingProps>;
export type Landmark = Feature<Point, LandmarkProps>;
export type Road = Feature<LineString, RoadProps>;

export interface GeoPack {
  boundary: FeatureCollection<Polygon, BoundaryProps>;
  areas: FeatureCollection<Polygon | MultiPolygon, AreaProps>;
  committees: FeatureCollection<Polygon | MultiPolygon, CommitteeProps>;
  compounds: FeatureCollection<Polygon, CompoundProps>;
  buildings: FeatureCollection<Polygon, BuildingProps>;
  landmarks: FeatureCollection<Point, LandmarkProps>;
  roads: FeatureCollection<LineString, RoadProps>;
  railway: FeatureCollection<LineString, LineProps>;
  green: FeatureCollection<Polygon, LineProps>;
}
