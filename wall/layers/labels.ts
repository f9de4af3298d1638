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

export interface MapLabel {
  id: string;
  position: LngLat;
  zh: string;
  en: string;
  kind: 'compound' | 'landmark';
}

const FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

const STYLE: Readonly<Record<MapLabel['kind'], { size: number; color: RGBA }>> = {
  compound: { size: 13, color: [214, 236, 255, 235] },
  landmark: { size: 16, color: [255, 222, 140, 255] },
};

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

export function labelsLayer(labels: MapLabel[], lang: Lang, scale: number, privacy = false) {
  const masker = maskerFor(privacy);
  return new TextLayer<MapLabel>({
    id: LABELS_LAYER_ID,
    data: labels,
    getPosition: (l) => l.position,
    getText: (l) => labelText(l, lang, masker),
    getSize: (l) => STYLE[l.kind].size,
    getColor: (l) => STYLE[l.kind].color,
    sizeScale: scale,
    sizeUnits: 'pixels',
    // Long English names wrap onto a second line instead of running across their neighbours;
    // Chinese names are short and stay on one (-1: no limit).
    maxWidth: lang === 'en' ? 8 : -1,
    wordBreak: 'break-word',
    // Names stand just above their point, so a live dot on the point stays visible.
    getAlignmentBaseline: 'bottom',
    getPixelOffset: [0, -5 * scale],
    // The atlas holds exactly the characters the labels use (CJK included).
    characterSet: 'auto',
    fontFamily: FONT_FAMILY,
    fontWeight: 'bold',
    fontSettings: { sdf: true, fontSize: 64, buffer: 8 },
    outlineWidth: 3,
    outlineColor: [4, 16, 31, 230],
    updateTriggers: { getText: [lang, privacy] },
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
