// The map's deck.gl layers as a function of the relay's view and the wall's options. Each layer
// is rebuilt only when what it shows changed (by identity: applyDelta keeps untouched parts of
// the view), so a tick that changed nothing on the map yields the very same list and the map
// component can skip deck.gl's redraw altogether.
import type { Layer } from '@deck.gl/core';
import type { GeoPack } from '../../geo/schema.ts';
import type { PackIndex } from '../../geo/packIndex.ts';
import type { HeatView, Snapshot } from '../../relay/protocol/snapshot.ts';
import { NO_LEVELS, compoundLevels, type CompoundLevels } from './alertLevels.ts';
import { buildingsLayer } from './buildings.ts';
import { NO_MARKERS, caseMarkerLayers, caseMarkers, sameMarkers } from './caseMarkers.ts';
import { compoundsLayer } from './compounds.ts';
import { NO_HEAT, gridsOf, heatLayer, heatPoints, type HeatSource } from './heat.ts';
import { NO_HIGHLIGHT, highlightLayers, type MapHighlight } from './highlight.ts';
import type { Lang } from '../i18n/lang.ts';
import { labelsLayer, mapLabels, type MapLabel } from './labels.ts';
import { ALL_ABOVE, type LabelSides } from './labelPlacement.ts';
import { NO_DOTS, liveDots, liveDotsLayer } from './liveDots.ts';
import { memoizeLast } from './memo.ts';
import { outlineLayers } from './outlines.ts';

export interface MapLayerOptions {
  lang: Lang;
  heatSource: HeatSource;
  /** Line widths, text and radii scale with the screen: 1 on a 1080-line screen. */
  scale: number;
  /** Privacy mode: compound names on the map are masked. */
  privacy?: boolean;
  /** What a tour step points at: compounds and 片区 that glow. */
  highlight?: MapHighlight;
  /** Where the landmarks' names stand, placed for the camera's view (labelPlacement.ts). */
  labelSides?: LabelSides;
}

/**
 * A builder of the layer list for one pack. Layers listed under `effectsLayerId` (a maplibre
 * custom layer, the three.js alarm effects) are drawn before it, so buildings hide a beacon's
 * far side correctly; the labels are drawn after it, on top of everything. The builder's
 * `labels` are the names it draws, for the map to place them.
 */
export function createMapLayers(pack: GeoPack, index: PackIndex, effectsLayerId: string) {
  const labels = mapLabels(pack, index.labelPoints);
  // A new roll-up list (any count changed) with the same levels keeps the same levels object.
  let levels: CompoundLevels = NO_LEVELS;
  const levelsOf = memoizeLast((compounds: Snapshot['compounds']) => {
    const next = compoundLevels(compounds);
    return next.key === levels.key ? levels : (levels = next);
  });
  // Keyed by the grids shown, not the whole heat view: a change to another source keeps them.
  const pointsOf = memoizeLast((bbox: HeatView['bbox'], cols: number, rows: number, ...grids: number[][]) =>
    heatPoints({ bbox, cols, rows }, ...grids),
  );
  const dotsOf = memoizeLast((feed: Snapshot['feed'], at: number) => liveDots(feed, at, index.labelPoints));
  // Places' case views change with every count of the day and year; the rings only with open and overdue counts.
  let shownMarkers = NO_MARKERS;
  const markersOf = memoizeLast((compounds: Snapshot['cases']['compounds']) => {
    const next = caseMarkers(compounds, index.labelPoints);
    return sameMarkers(next, shownMarkers) ? shownMarkers : (shownMarkers = next);
  });
  const markers = memoizeLast(caseMarkerLayers);
  const footprints = memoizeLast((scale: number) => compoundsLayer(pack.compounds.features, scale));
  const outlines = memoizeLast((scale: number) => outlineLayers(pack, scale));
  const buildings = memoizeLast((compoundLevels: CompoundLevels) => buildingsLayer(pack.buildings.features, compoundLevels));
  const heat = memoizeLast(heatLayer);
  const dots = memoizeLast(liveDotsLayer);
  const highlights = memoizeLast((highlight: MapHighlight, scale: number) =>
    highlightLayers(pack.compounds.features, pack.areas.features, highlight, scale),
  );
  const text = memoizeLast((lang: Lang, scale: number, privacy: boolean, sides: LabelSides) => labelsLayer(labels, lang, scale, privacy, sides));
  const beneath = new WeakMap<Layer, Layer>();
  const underEffects = (layer: Layer): Layer => {
    const known = beneath.get(layer);
    if (known) return known;
    // beforeId is read by @deck.gl/maplibre's interleaved mode; deck's own prop types lack it.
    const placed: Layer = layer.clone({ beforeId: effectsLayerId } as Partial<Layer['props']>);
    beneath.set(layer, placed);
    return placed;
  };

  const layersFor = (
    view: Snapshot | null,
    { lang, heatSource, scale, privacy = false, highlight = NO_HIGHLIGHT, labelSides = ALL_ABOVE }: MapLayerOptions,
  ): Layer[] => {
    const heatView = view?.heat;
    const points = heatView
      ? pointsOf(heatView.bbox, heatView.cols, heatView.rows, ...gridsOf(heatView, heatSource))
      : NO_HEAT;
    const dotData = view ? dotsOf(view.feed, view.at) : NO_DOTS;
    const markerData = view ? markersOf(view.cases.compounds) : NO_MARKERS;
    const below: Layer[] = [
      footprints(scale),
      ...outlines(scale),
      buildings(view ? levelsOf(view.compounds) : NO_LEVELS),
      ...highlights(highlight, scale),
      heat(points, scale),
      // An empty dot list is one constant, so ticks without live events keep this layer.
      dots(dotData, scale),
      ...markers(markerData, scale),
    ];
    return [...below.map(underEffects), text(lang, scale, privacy, labelSides)];
  };
  return Object.assign(layersFor, { labels: labels as readonly MapLabel[] });
}
