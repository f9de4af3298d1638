// Administrative outlines on the ground: 居委会 (committees) thin, 片区 thicker and brighter,
// the sub-district boundary boldest, drawn in that order so the stronger line wins.
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature } from 'geojson';
import type { GeoPack } from '../../geo/schema.ts';
import type { RGBA } from './alertLevels.ts';
import { GROUND_PARAMETERS } from './depthParameters.ts';

interface OutlineStyle {
  id: string;
  color: RGBA;
  /** CSS pixels on a 1080-line screen. */
  width: number;
}

const COMMITTEES: OutlineStyle = { id: 'committee-outlines', color: [120, 200, 255, 110], width: 1 };
const AREAS: OutlineStyle = { id: 'area-outlines', color: [110, 230, 255, 220], width: 3 };
const BOUNDARY: OutlineStyle = { id: 'boundary-outline', color: [53, 208, 255, 255], width: 4.5 };

function outlineLayer(features: Feature[], style: OutlineStyle, scale: number) {
  return new GeoJsonLayer({
    id: style.id,
    data: features,
    filled: false,
    stroked: true,
    getLineColor: style.color,
    getLineWidth: style.width,
    lineWidthUnits: 'pixels',
    lineWidthScale: scale,
    lineJointRounded: true,
    parameters: GROUND_PARAMETERS,
  });
}

export function outlineLayers(pack: GeoPack, scale: number) {
  return [
    outlineLayer(pack.committees.features, COMMITTEES, scale),
    outlineLayer(pack.areas.features, AREAS, scale),
    outlineLayer(pack.boundary.features, BOUNDARY, scale),
  ];
}
