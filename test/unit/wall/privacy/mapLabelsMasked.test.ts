// The map's labels in privacy mode, read the way the browser test reads them: the texts the label
// layer of the map's layer list draws.
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../../geo/loadPack.ts';
import { drawnLabelTexts } from '../../../../wall/layers/labels.ts';
import { createMapLayers, type MapLayerOptions } from '../../../../wall/layers/mapLayers.ts';
import { INDEX } from '../../state/helpers.ts';

const pack = await loadPack();
const compoundNames = pack.compounds.features.map((f) => f.properties.name);
const landmarkNames = pack.landmarks.features.map((f) => f.properties.name);
const OPTIONS: MapLayerOptions = { lang: 'zh', heatSource: 'all', scale: 1 };

describe('map labels in privacy mode', () => {
  const layersFor = createMapLayers(pack, INDEX, 'effects');

  it('drawsEveryCompoundNameWhenOff', () => {
    const texts = drawnLabelTexts(layersFor(null, OPTIONS));
    expect(texts).toEqual(expect.arrayContaining([...compoundNames, ...landmarkNames]));
  });

  it('drawsNoCompoundNameButKeepsTheGenericPartAndTheLandmarksWhenOn', () => {
    for (const lang of ['zh', 'en'] as const) {
      const texts = drawnLabelTexts(layersFor(null, { ...OPTIONS, lang, privacy: true }));
      expect(texts).toHaveLength(compoundNames.length + landmarkNames.length);
      const drawn = texts.join('\n');
      for (const name of compoundNames) expect(drawn, name).not.toContain(name);
      expect(texts).toContain('××小区');
    }
    expect(drawnLabelTexts(layersFor(null, { ...OPTIONS, privacy: true }))).toEqual(expect.arrayContaining(landmarkNames));
  });

  it('rebuildsOnlyTheLabelsWhenPrivacyChanges', () => {
    const off = layersFor(null, OPTIONS);
    const on = layersFor(null, { ...OPTIONS, privacy: true });
    expect(on.map((layer, i) => layer === off[i])).toEqual([...off.slice(0, -1).map(() => true), false]);
    expect(layersFor(null, { ...OPTIONS, privacy: true })).toEqual(on);
  });
});
