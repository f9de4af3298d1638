// Compound footprints on the ground, under the buildings.
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Compound } from '../../geo/schema.ts';
import { GROUND_PARAMETERS } from './depthParameters.ts';

export function compoundsLayer(compounds: Compound[], scale: number) {
  return new GeoJsonLayer<Compound['properties']>({
    id: 'compounds',
    data: compounds,
    filled: true,
    stroked: true,
    getFillColor: [24, 90, 140, 150],
    getLineColor: [80, 200, 255, 200],
    getLineWidth: 1.5,
    lineWidthUnits: 'pixels',
    lineWidthScale: scale,
    parameters: GROUND_PARAMETERS,
  });
}
