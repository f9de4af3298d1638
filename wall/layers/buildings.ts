// Extruded 3D buildings of the 80 compounds, coloured by their compound's alert level.
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Building, BuildingProps } from '../../geo/schema.ts';
import { ALERT_COLORS, type CompoundLevels } from './alertLevels.ts';

export function buildingsLayer(buildings: Building[], levels: CompoundLevels) {
  return new GeoJsonLayer<BuildingProps>({
    id: 'buildings',
    data: buildings,
    extruded: true,
    wireframe: false,
    stroked: false,
    getElevation: (b) => b.properties.height,
    getFillColor: (b) => ALERT_COLORS[levels.of(b.properties.compoundId)],
    // The key changes only when a level does: 966 buildings are not recoloured every tick.
    updateTriggers: { getFillColor: levels.key },
    material: { ambient: 0.45, diffuse: 0.6, shininess: 24, specularColor: [90, 140, 180] },
  });
}
