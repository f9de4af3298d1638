// A fully local maplibre style built from the geography pack: GeoJSON sources only, no tiles,
// glyphs or sprites, so the wall works on an intranet with no internet. Outlines and labels
// are deck.gl layers (wall/layers/), drawn over this ground.
import type { StyleSpecification } from 'maplibre-gl';
import type { GeoPack } from '../../geo/schema.ts';

const COLORS = {
  background: '#04101f',
  district: '#0a2036',
  green: '#0f3b2e',
  road: '#1d3f5f',
  boundaryRoad: '#2a5f8c',
  elevated: '#3b7fb8',
  railway: '#5a6b7d',
};

export function basemapStyle(pack: GeoPack): StyleSpecification {
  return {
    version: 8,
    sources: {
      boundary: { type: 'geojson', data: pack.boundary },
      roads: { type: 'geojson', data: pack.roads },
      railway: { type: 'geojson', data: pack.railway },
      green: { type: 'geojson', data: pack.green },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': COLORS.background } },
      { id: 'district', type: 'fill', source: 'boundary', paint: { 'fill-color': COLORS.district } },
      { id: 'green', type: 'fill', source: 'green', paint: { 'fill-color': COLORS.green } },
      {
        id: 'roads',
        type: 'line',
        source: 'roads',
        paint: {
          'line-color': [
            'match',
            ['get', 'class'],
            'elevated',
            COLORS.elevated,
            'boundary',
            COLORS.boundaryRoad,
            COLORS.road,
          ],
          'line-width': ['match', ['get', 'class'], 'elevated', 7, 'boundary', 4, 'arterial', 3, 1.5],
        },
      },
      {
        id: 'railway',
        type: 'line',
        source: 'railway',
        paint: { 'line-color': COLORS.railway, 'line-width': 3, 'line-dasharray': [3, 2] },
      },
    ],
  };
}
