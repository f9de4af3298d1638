// The map's names as boxes on the screen, for placing the landmarks' names clear of the others
// (wall/layers/labelPlacement.ts) after each camera move. Text is measured in a 2D canvas with
// the labels' own font, character by character, as deck.gl's font atlas measures it.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Lang } from '../i18n/lang.ts';
import { LABEL_FONT, LABEL_GAP, labelMaxWidth, labelSize, labelText, type MapLabel } from '../layers/labels.ts';
import { placeLandmarkLabels, wrappedSize, type LabelOnScreen, type LabelSides } from '../layers/labelPlacement.ts';
import { maskerFor } from '../privacy/masker.ts';

export interface LabelScene {
  lang: Lang;
  privacy: boolean;
  /** 1 on a 1080-line screen. */
  scale: number;
}

/** A placer for one map: measures with one canvas and remembers each character's width per size. */
export function createLabelPlacer(map: Pick<MapLibreMap, 'project'>, labels: readonly MapLabel[]) {
  const context = document.createElement('canvas').getContext('2d');
  const advances = new Map<string, number>();
  const advance = (px: number) => (char: string) => {
    const key = `${px} ${char}`;
    let width = advances.get(key);
    if (width === undefined && context) {
      context.font = `${LABEL_FONT.weight} ${px}px ${LABEL_FONT.family}`;
      width = context.measureText(char).width;
      advances.set(key, width);
    }
    return width ?? px;
  };

  return ({ lang, privacy, scale }: LabelScene): LabelSides => {
    const masker = maskerFor(privacy);
    const onScreen = (label: MapLabel): LabelOnScreen => {
      const px = labelSize(label, scale);
      const { x, y } = map.project(label.position);
      return { id: label.id, x, y, ...wrappedSize(labelText(label, lang, masker), advance(px), labelMaxWidth(lang) * px, px) };
    };
    const compounds = labels.filter((label) => label.kind === 'compound').map(onScreen);
    const landmarks = labels.filter((label) => label.kind === 'landmark').map(onScreen);
    return placeLandmarkLabels(compounds, landmarks, LABEL_GAP * scale);
  };
}
