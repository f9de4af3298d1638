// Builds the whole pack from the sources and any surveyed drop-in layers. Each layer is either
// taken as given or synthesized from the layers above it: boundary → streets and blocks →
// committees (→ areas) → compounds → buildings; landmarks, green and basemap lines follow.
import { bbox } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { BoundaryProps, Building, Committee, Compound, GeoPack } from '../schema.ts';
import { areasFromCommittees } from './areas.ts';
import { cellNeighbours, cutBlocks, type Cell, type Land } from './blocks.ts';
import { chooseBoundary, insideBoundaryRoads } from './boundary.ts';
import { committeeDefs } from './committeeTable.ts';
import { committeeFeatures, growCommittees } from './committees.ts';
import { polygonRings } from './geojson.ts';
import { greenFeatures } from './green.ts';
import { layHousing } from './housing.ts';
import { frameAround } from './localFrame.ts';
import { parcelsOf } from './parcels.ts';
import { seededRandom } from '../../lib/random.ts';
import { railwayFeatures, roadFeatures, traceBoundaryRoads } from './roads.ts';
import { sharePartition } from './sharedVertices.ts';
import type { SourceData } from './sources.ts';
import { layStreets } from './streets.ts';

/** The seed of the committed pack (the date of the article's award ceremony). */
export const DEFAULT_SEED = 20191202;
/** Usable plots to cut: 80 compounds, 5 landmark sites, 6 greens and a few spare. */
const PLOT_TARGET = 96;
const GREEN_COUNT = 6;

/** Surveyed layers that replace the synthesized ones. */
export interface DropIns {
  boundary?: Feature<Polygon, BoundaryProps>;
  committees?: Committee[];
  compounds?: Compound[];
  buildings?: Building[];
}

/** Each surveyed layer refers to the ids of the layer above it, so it needs that layer given too. */
function checkDropIns(dropIns: DropIns): void {
  if (dropIns.buildings && !dropIns.compounds) throw new Error('--buildings needs --compounds (buildings refer to compound ids)');
  if (dropIns.compounds && !dropIns.committees) throw new Error('--compounds needs --committees (compounds refer to committee ids)');
}

function synthesizeCommittees(cells: readonly Cell[], land: Land, sources: SourceData): Committee[] {
  const defs = committeeDefs(sources.committees);
  const owner = growCommittees(cells, cellNeighbours(cells, land.boundaryRings), defs, land.frame);
  return committeeFeatures(cells, owner, defs, land.boundary, land.frame);
}

const collection = <F extends Feature>(features: F[]) => ({ type: 'FeatureCollection' as const, features });

export function generatePack(sources: SourceData, dropIns: DropIns, seed: number): GeoPack {
  checkDropIns(dropIns);
  const random = seededRandom(seed);
  const boundary = chooseBoundary(sources, dropIns);
  const [west, south, east, north] = bbox(boundary);
  const frame = frameAround([(west + east) / 2, (south + north) / 2]);
  const land: Land = {
    boundary: boundary.geometry,
    boundaryRings: polygonRings(boundary.geometry, frame),
    inset: insideBoundaryRoads(boundary),
    frame,
  };
  const streets = layStreets(boundary.geometry, frame);
  const cells = cutBlocks(streets, land, PLOT_TARGET, random.stream('blocks'));
  const committees = dropIns.committees ?? synthesizeCommittees(cells, land, sources);
  const parcels = parcelsOf(cells, committees, frame);
  const housing = layHousing(parcels, committees, dropIns, { streets, metroStation: sources.metroStation, frame }, random);
  const traced = traceBoundaryRoads(land.boundaryRings[0] ?? [], sources.boundaryRoads, frame);
  const partition = sharePartition(boundary, areasFromCommittees(committees), committees);
  return {
    boundary: collection([partition.boundary]),
    areas: collection(partition.areas),
    committees: collection(partition.committees),
    compounds: collection(housing.compounds),
    buildings: collection(housing.buildings),
    landmarks: collection(housing.landmarks),
    roads: collection(roadFeatures(traced, streets, land.boundaryRings, frame)),
    railway: collection(railwayFeatures(traced, boundary.geometry, frame)),
    green: collection(greenFeatures(housing.leftover, streets, GREEN_COUNT)),
  } satisfies { [K in keyof GeoPack]: FeatureCollection };
}
