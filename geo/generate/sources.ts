// Reads the committed source files in geo/sources/: the schematic outline with its boundary
// roads, the 2016 committee list (Vonng/adcode, CC BY 4.0) and the anchor points.
import { readFile } from 'node:fs/promises';
import type { FeatureCollection, Geometry, LineString, Polygon, Position } from 'geojson';

const SOURCES = new URL('../sources/', import.meta.url);
const BOUNDARY_FILE = 'shiquan_boundary_schematic_wgs84.geojson';
const COMMITTEES_FILE = 'shiquan_committees_2016_from_vonng_adcode.csv';
const ANCHORS_FILE = 'shiquan_anchor_points_wgs84.geojson';
const METRO_ANCHOR = '岚皋路站';

export interface BoundaryRoadLine {
  /** The schematic's label, e.g. '中山北路 (Inner Ring elevated)'. */
  label: string;
  line: LineString;
}

export interface SourceData {
  schematicBoundary: Polygon;
  boundaryRoads: BoundaryRoadLine[];
  committees: { adcode: string; name: string }[];
  /** 岚皋路 metro station, the one real point inside the sub-district. */
  metroStation: Position;
}

type Collection = FeatureCollection<Geometry, Record<string, unknown> | null>;

async function readJson(file: string): Promise<Collection> {
  return JSON.parse(await readFile(new URL(file, SOURCES), 'utf8')) as Collection;
}

/** The `village` rows of the adcode CSV (plain comma-separated, no quoting). */
function parseCommitteeCsv(text: string): { adcode: string; name: string }[] {
  const [header = '', ...rows] = text.trim().split(/\r?\n/);
  const columns = header.split(',');
  const column = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`${COMMITTEES_FILE} has no ${name} column`);
    return index;
  };
  const [code, name, level] = [column('code'), column('name'), column('level')];
  return rows
    .map((row) => row.split(','))
    .filter((cells) => cells[level] === 'village')
    .map((cells) => ({ adcode: cells[code] ?? '', name: cells[name] ?? '' }));
}

export async function readSources(): Promise<SourceData> {
  const [boundary, anchors, csv] = await Promise.all([
    readJson(BOUNDARY_FILE),
    readJson(ANCHORS_FILE),
    readFile(new URL(COMMITTEES_FILE, SOURCES), 'utf8'),
  ]);
  const outline = boundary.features.find((f) => f.geometry.type === 'Polygon');
  if (!outline) throw new Error(`${BOUNDARY_FILE} has no Polygon`);
  const boundaryRoads = boundary.features.flatMap((f) =>
    f.geometry.type === 'LineString' && typeof f.properties?.boundary_road === 'string'
      ? [{ label: f.properties.boundary_road, line: f.geometry }]
      : [],
  );
  const metro = anchors.features.find(
    (f) => f.geometry.type === 'Point' && String(f.properties?.name ?? '').startsWith(METRO_ANCHOR),
  );
  if (!metro || metro.geometry.type !== 'Point') throw new Error(`${ANCHORS_FILE} has no ${METRO_ANCHOR} point`);
  return {
    schematicBoundary: outline.geometry as Polygon,
    boundaryRoads,
    committees: parseCommitteeCsv(csv),
    metroStation: metro.geometry.coordinates,
  };
}
