// Compounds and 片区 that a tour step points at, glowing on the map. The data are the pack's
// features (the same arrays for the wall's whole life); which of them glow is an accessor input,
// so moving from one step to the next only recomputes colours, keyed by the highlight's `key`.
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Area, Compound } from '../../geo/schema.ts';
import type { RGBA } from './alertLevels.ts';
import { OVERLAY_PARAMETERS } from './depthParameters.ts';

export interface MapHighlight {
  /** Names the sets below: equal keys, equal sets. */
  key: string;
  compounds: ReadonlySet<string>;
  areas: ReadonlySet<string>;
}

export const NO_HIGHLIGHT: MapHighlight = { key: '', compounds: new Set(), areas: new Set() };

export function mapHighlight(compounds: Iterable<string>, areas: Iterable<string>): MapHighlight {
  const compoundSet = new Set(compounds);
  const areaSet = new Set(areas);
  if (compoundSet.size === 0 && areaSet.size === 0) return NO_HIGHLIGHT;
  return { key: `${[...compoundSet].sort().join(',')}|${[...areaSet].sort().join(',')}`, compounds: compoundSet, areas: areaSet };
}

const NONE: RGBA = [0, 0, 0, 0];
const COMPOUND_FILL: RGBA = [255, 196, 64, 90];
const COMPOUND_LINE: RGBA = [255, 214, 90, 255];
/** One colour per 片区, so three areas side by side read as three. */
const AREA_COLOURS: readonly RGBA[] = [
  [64, 224, 160, 255],
  [255, 150, 80, 255],
  [190, 140, 255, 255],
];
const AREA_FILL_ALPHA = 70;

/** CSS pixels on a 1080-line screen. */
const COMPOUND_LINE_WIDTH = 4;
const AREA_LINE_WIDTH = 6;

function areaColour(index: number, alpha: number): RGBA {
  const [r, g, b] = AREA_COLOURS[index % AREA_COLOURS.length] ?? NONE;
  return [r, g, b, alpha];
}

/**
 * The highlight's layers: none when nothing is highlighted. Drawn over the buildings (depth
 * always passes), so a compound's outline shows even where its own blocks stand in front of it.
 */
export function highlightLayers(compounds: Compound[], areas: Area[], highlight: MapHighlight, scale: number) {
  if (highlight === NO_HIGHLIGHT) return [];
  const areaIndex = new Map(areas.map((area, i) => [area.properties.id, i]));
  const colourOfArea = (area: Area, alpha: number) =>
    highlight.areas.has(area.properties.id) ? areaColour(areaIndex.get(area.properties.id) ?? 0, alpha) : NONE;
  const lit = (compound: Compound) => highlight.compounds.has(compound.properties.id);
  const triggers = { getFillColor: highlight.key, getLineColor: highlight.key };
  return [
    new GeoJsonLayer<Area['properties']>({
      id: 'highlight-areas',
      data: areas,
      filled: true,
      stroked: true,
      getFillColor: (area) => colourOfArea(area as Area, AREA_FILL_ALPHA),
      getLineColor: (area) => colourOfArea(area as Area, 255),
      getLineWidth: AREA_LINE_WIDTH,
      lineWidthUnits: 'pixels',
      lineWidthScale: scale,
      lineJointRounded: true,
      updateTriggers: triggers,
      parameters: OVERLAY_PARAMETERS,
    }),
    new GeoJsonLayer<Compound['properties']>({
      id: 'highlight-compounds',
      data: compounds,
      filled: true,
      stroked: true,
      getFillColor: (compound) => (lit(compound as Compound) ? COMPOUND_FILL : NONE),
      getLineColor: (compound) => (lit(compound as Compound) ? COMPOUND_LINE : NONE),
      getLineWidth: COMPOUND_LINE_WIDTH,
      lineWidthUnits: 'pixels',
      lineWidthScale: scale,
      lineJointRounded: true,
      updateTriggers: triggers,
      parameters: OVERLAY_PARAMETERS,
    }),
  ];
}
