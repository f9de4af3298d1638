// A tour step's highlight on the map: nothing drawn without one; with one, the lit compounds
// and 片区 get colour while the layers keep the pack's features as their data, so moving from
// step to step only recomputes colours (the update triggers change with the highlight).
import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { loadPack } from '../../../../geo/loadPack.ts';
import { NO_HIGHLIGHT, highlightLayers, mapHighlight } from '../../../../wall/layers/highlight.ts';
import { createMapLayers } from '../../../../wall/layers/mapLayers.ts';
import { INDEX } from '../../state/helpers.ts';

const pack = await loadPack();
const compounds = pack.compounds.features;
const areas = pack.areas.features;

type Colour = [number, number, number, number];
const colourOf = (layer: Layer | undefined, accessor: 'getFillColor' | 'getLineColor', feature: unknown) =>
  (layer?.props as unknown as Record<string, (f: unknown) => Colour>)[accessor]?.(feature);

describe('the tour highlight layers', () => {
  it('draws nothing when nothing is highlighted', () => {
    expect(highlightLayers(compounds, areas, NO_HIGHLIGHT, 1)).toEqual([]);
    expect(mapHighlight([], [])).toBe(NO_HIGHLIGHT);
  });

  it('lights the highlighted compounds and areas only', () => {
    const [areaLayer, compoundLayer] = highlightLayers(compounds, areas, mapHighlight(['SQ-C02'], ['SQ-A1']), 1);
    const pilot = compounds.find((c) => c.properties.id === 'SQ-C02');
    const other = compounds.find((c) => c.properties.id === 'SQ-C03');
    expect(colourOf(compoundLayer, 'getLineColor', pilot)?.[3]).toBe(255);
    expect(colourOf(compoundLayer, 'getLineColor', other)?.[3]).toBe(0);
    const lit = areas.find((a) => a.properties.id === 'SQ-A1');
    const dark = areas.find((a) => a.properties.id === 'SQ-A2');
    expect(colourOf(areaLayer, 'getFillColor', lit)?.[3]).toBeGreaterThan(0);
    expect(colourOf(areaLayer, 'getFillColor', dark)?.[3]).toBe(0);
  });

  it('keeps the same data from step to step and changes only the update triggers', () => {
    const first = highlightLayers(compounds, areas, mapHighlight(['SQ-C02'], []), 1);
    const second = highlightLayers(compounds, areas, mapHighlight(['SQ-C05'], []), 1);
    first.forEach((layer, i) => {
      expect(second[i]?.props.data).toBe(layer.props.data);
      expect(second[i]?.props.updateTriggers).not.toEqual(layer.props.updateTriggers);
    });
    // Equal sets, equal keys: deck.gl recomputes nothing.
    expect(mapHighlight(['SQ-C05', 'SQ-C02'], []).key).toBe(mapHighlight(['SQ-C02', 'SQ-C05'], []).key);
  });

  it('joins the map’s layers under the alarm effects, and keeps them while the highlight stays', () => {
    const layersFor = createMapLayers(pack, INDEX, 'effects');
    const highlight = mapHighlight(['SQ-C02'], []);
    const options = { lang: 'zh' as const, heatSource: 'all' as const, scale: 1, highlight };
    const before = layersFor(null, options);
    const ids = before.map((layer) => layer.id);
    expect(ids).toContain('highlight-compounds');
    expect(ids.indexOf('highlight-compounds')).toBeGreaterThan(ids.indexOf('buildings'));
    const again = layersFor(null, { ...options });
    expect(again.every((layer, i) => layer === before[i])).toBe(true);
    expect(layersFor(null, { ...options, highlight: NO_HIGHLIGHT }).map((layer) => layer.id)).not.toContain('highlight-compounds');
  });
});
