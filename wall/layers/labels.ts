// Names on the map: the compounds (Chinese names, as on the estates' own signs: their
// romanised names, twice as long, would bury the map) and the landmarks (English when the wall
// is in English). Drawn with deck.gl's TextLayer from a local
// CJK font, so no glyph server is needed, and on top of everything so no building hides them.
// In privacy mode compound names are masked; landmarks are public places and stay.
import type { Layer } from '@deck.gl/core';
import { TextLayer } from '@deck.gl/layers';
import type { GeoPack } from '../../geo/schema.ts';
import type { LngLat } from '../../geo/packIndex.ts';
import type { Lang } from '../i18n/lang.ts';
import { maskerFor, type Masker } from '../privacy/masker.ts';
import type { RGBA } from './alertLevels.ts';
import { ALL_ABOVE, SIDES, type LabelSide, type LabelSides } from './labelPlacement.ts';

export interface MapLabel {
  id: string;
  position: LngLat;
  zh: string;
  en: string;
  kind: 'compound' | 'landmark';
}

export const LABEL_FONT = { family: "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif", weight: 'bold' } as const;

const STYLE: Readonly<Record<MapLabel['kind'], { size: number; color: RGBA }>> = {
  compound: { size: 13, color: [214, 236, 255, 235] },
  landmark: { size: 16, color: [255, 222, 140, 255] },
};

/** Pixels between a name and its point, on a 1080-line screen. */
export const LABEL_GAP = 5;

/** A label's text size in pixels at `scale` (1 on a 1080-line screen). */
export function labelSize(label: MapLabel, scale: number): number {
  return STYLE[label.kind].size * scale;
}

/** Long English names wrap at this many times their text size; Chinese names are short and stay on one row (-1). */
export function labelMaxWidth(lang: Lang): number {
  return lang === 'en' ? 8 : -1;
}

/** TextLayer's anchor and baseline for a name on that side of its point (x right, y down). */
const ANCHOR = { '-1': 'end', '0': 'middle', '1': 'start' } as const;
const BASELINE = { '-1': 'bottom', '0': 'center', '1': 'top' } as const;

export function mapLabels(pack: GeoPack, labelPoints: ReadonlyMap<string, LngLat>): MapLabel[] {
  const compounds = pack.compounds.features.flatMap(({ properties: { id, name } }): MapLabel[] => {
    const position = labelPoints.get(id);
    return position ? [{ id, position, zh: name, en: name, kind: 'compound' }] : [];
  });
  const landmarks = pack.landmarks.features.map(({ properties, geometry }): MapLabel => ({
    id: properties.id,
    position: [geometry.coordinates[0] ?? 0, geometry.coordinates[1] ?? 0],
    zh: properties.name,
    // The map shows the short name: "(Metro Line 7)" and an address after a comma only crowd it
    // (wrapped, "Rainbow Plaza, 25 Ningqiang Road" ran over the junction's label beside it).
    en: properties.nameEn.replace(/\s*\([^)]*\)\s*$/, '').replace(/,.*$/, ''),
    kind: 'landmark',
  }));
  return [...compounds, ...landmarks];
}

const LABELS_LAYER_ID = 'labels';

export function labelText(label: MapLabel, lang: Lang, masker: Masker): string {
  const name = lang === 'en' ? label.en : label.zh;
  return label.kind === 'compound' ? masker.place(name) : name;
}

/** The label layer; `sides` says where each landmark's name stands (labelPlacement.ts). */
export function labelsLayer(labels: MapLabel[], lang: Lang, scale: number, privacy = false, sides: LabelSides = ALL_ABOVE) {
  const masker = maskerFor(privacy);
  const sideOf = (label: MapLabel): LabelSide => sides.get(label.id) ?? 'above';
  const gap = LABEL_GAP * scale;
  // deck.gl compares update triggers by value: a Map would always look unchanged.
  const placed = [...sides].map(([id, side]) => `${id}:${side}`).join(' ');
  return new TextLayer<MapLabel>({
    id: LABELS_LAYER_ID,
    data: labels,
    getPosition: (l) => l.position,
    getText: (l) => labelText(l, lang, masker),
    getSize: (l) => STYLE[l.kind].size,
    getColor: (l) => STYLE[l.kind].color,
    sizeScale: scale,
    sizeUnits: 'pixels',
    // Long English names wrap onto a second line instead of running across their neighbours.
    maxWidth: labelMaxWidth(lang),
    wordBreak: 'break-word',
    // Names stand just beside their point, so a live dot on the point stays visible.
    getTextAnchor: (l) => ANCHOR[SIDES[sideOf(l)][0]],
    getAlignmentBaseline: (l) => BASELINE[SIDES[sideOf(l)][1]],
    getPixelOffset: (l) => {
      const [x, y] = SIDES[sideOf(l)];
      return [x * gap, y * gap];
    },
    // The atlas holds exactly the characters the labels use (CJK included).
    characterSet: 'auto',
    fontFamily: LABEL_FONT.family,
    fontWeight: LABEL_FONT.weight,
    fontSettings: { sdf: true, fontSize: 64, buffer: 8 },
    outlineWidth: 3,
    outlineColor: [4, 16, 31, 230],
    updateTriggers: { getText: [lang, privacy], getTextAnchor: placed, getAlignmentBaseline: placed, getPixelOffset: [placed, scale] },
    // Always readable: neither buildings nor the heatmap may hide a name.
    parameters: { depthCompare: 'always', depthWriteEnabled: false },
  });
}

/** The texts the label layer among `layers` draws, as deck.gl computes them (for tests). */
export function drawnLabelTexts(layers: readonly Layer[]): string[] {
  const layer = layers.find((candidate) => candidate.id === LABELS_LAYER_ID);
  if (!(layer instanceof TextLayer)) return [];
  const { data, getText } = (layer as TextLayer<MapLabel>).props;
  if (!Array.isArray(data) || typeof getText !== 'function') return [];
  return (data as MapLabel[]).map((label, index) => String(getText(label, { index, data, target: [] })));
}

export interface DrawnLabelBox {
  text: string;
  kind: MapLabel['kind'];
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where the label layer among `layers` put each name on the screen, from deck.gl's own layout of
 * the text (its bounding rectangles, in the font atlas's pixels) and `project` (a position to
 * CSS pixels). Empty until deck.gl has drawn the layer once. For tests.
 */
export function drawnLabelBoxes(layers: readonly Layer[], project: (position: LngLat) => { x: number; y: number }): DrawnLabelBox[] {
  const layer = layers.find((candidate) => candidate.id === LABELS_LAYER_ID);
  if (!(layer instanceof TextLayer) || !layer.state) return [];
  // TextLayer's own per-name rectangle (the one its background uses); private in its types.
  const boundingRect = (layer as unknown as { getBoundingRect(label: MapLabel, info: object): number[] }).getBoundingRect;
  const { data, getText, getPixelOffset, getSize, sizeScale, fontSettings } = (layer as TextLayer<MapLabel>).props;
  if (!Array.isArray(data) || typeof getText !== 'function' || typeof getPixelOffset !== 'function' || typeof getSize !== 'function') return [];
  const atlasSize = fontSettings.fontSize ?? 64;
  return (data as MapLabel[]).map((label, index) => {
    const info = { index, data, target: [] };
    const [x = 0, y = 0, width = 0, height = 0] = boundingRect(label, info);
    const pixels = (getSize(label, info) * sizeScale) / atlasSize;
    const [dx = 0, dy = 0] = getPixelOffset(label, info);
    const point = project(label.position);
    const left = point.x + dx + x * pixels;
    const top = point.y + dy + y * pixels;
    return { text: String(getText(label, info)), kind: label.kind, left, top, right: left + width * pixels, bottom: top + height * pixels };
  });
}
