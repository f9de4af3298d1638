// The geography pack, bundled into the wall at build time so the wall needs no network at all.
import type { GeoPack } from '../geo/schema.ts';
import boundary from '../geo/pack/boundary.geojson?raw';
import areas from '../geo/pack/areas.geojson?raw';
import committees from '../geo/pack/committees.geojson?raw';
import compounds from '../geo/pack/compounds.geojson?raw';
import buildings from '../geo/pack/buildings.geojson?raw';
import landmarks from '../geo/pack/landmarks.geojson?raw';
import roads from '../geo/pack/roads.geojson?raw';
import railway from '../geo/pack/railway.geojson?raw';
import green from '../geo/pack/green.geojson?raw';

export const geoPack: GeoPack = {
  boundary: JSON.parse(boundary),
  areas: JSON.parse(areas),
  committees: JSON.parse(committees),
  compounds: JSON.parse(compounds),
  buildings: JSON.parse(buildings),
  landmarks: JSON.parse(landmarks),
  roads: JSON.parse(roads),
  railway: JSON.parse(railway),
  green: JSON.parse(green),
};
