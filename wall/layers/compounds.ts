// Compound footprints on the ground, under the buildings.
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Compound } from '../../geo/schema.ts';

export function compoundsLayer(compounds: Compound[]) {
  return new GeoJsonLayer<Compound['properties']>({
    id: 'compounds',
    data: compounds,
    filled: true,
    stroked: true,
    getFillColor: [24, 90, 140, 150],
    getLineColor: [80, 200, 255, 220],
    getLineWidth: 2,
    lineWidthUnits: 'pixels',
  });
}
