// Extruded 3D buildings of the 80 compounds.
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Building, BuildingProps } from '../../geo/schema.ts';

const BUILDING_COLOR: [number, number, number, number] = [64, 160, 220, 235];

export function buildingsLayer(buildings: Building[]) {
  return new GeoJsonLayer<BuildingProps>({
    id: 'buildings',
    data: buildings,
    extruded: true,
    wireframe: false,
    stroked: false,
    getElevation: (b) => b.properties.height,
    getFillColor: BUILDING_COLOR,
    material: { ambient: 0.45, diffuse: 0.6, shininess: 24, specularColor: [90, 140, 180] },
  });
}
