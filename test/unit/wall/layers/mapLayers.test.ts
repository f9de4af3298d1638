// The layer list keeps its objects across ticks that change nothing the map shows, so the map
// skips deck.gl's update and redraw; what did change is rebuilt alone.
import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { loadPack } from '../../../../geo/loadPack.ts';
import { applyDelta, applyEvent, snapshot, takeDelta, type Snapshot } from '../../../../relay/state/index.ts';
import { createMapLayers, type MapLayerOptions } from '../../../../wall/layers/mapLayers.ts';
import { FADE_MS } from '../../../../wall/layers/liveDots.ts';
import { INDEX, NOON, compoundAt, event, newState } from '../../state/helpers.ts';

const pack = await loadPack();
const OPTIONS: MapLayerOptions = { lang: 'zh', heatSource: 'all', scale: 1 };
const EFFECTS = 'effects-under-test';

/** A relay state and a wall view that follows it tick by tick. */
function relayAndWall() {
  const state = newState(NOON);
  let view: Snapshot = snapshot(state, NOON);
  return {
    get view() {
      return view;
    },
    tick(now: number, ...events: Parameters<typeof event>[0][]) {
      for (const fields of events) applyEvent(state, event({ ts: now - 1_000, ...fields }), now);
      const next = applyDelta(view, takeDelta(state, now));
      if (!next) throw new Error('gap in the test relay');
      view = next;
      return view;
    },
  };
}

const byId = (layers: Layer[]) => new Map(layers.map((layer) => [layer.id, layer]));

function changedIds(before: Layer[], after: Layer[]): string[] {
  const old = byId(before);
  return after.filter((layer) => old.get(layer.id) !== layer).map((layer) => layer.id);
}

describe('the map layer list', () => {
  it('puts everything beneath the alarm beacons except the labels, which go on top', () => {
    const layers = createMapLayers(pack, INDEX, EFFECTS)(null, OPTIONS);
    const placed = layers.map((layer) => [layer.id, (layer.props as { beforeId?: string }).beforeId]);
    expect(placed.at(-1)).toEqual(['labels', undefined]);
    expect(placed.slice(0, -1).every(([, beforeId]) => beforeId === EFFECTS)).toBe(true);
    expect(layers.map((layer) => layer.id)).toEqual(
      expect.arrayContaining(['compounds', 'committee-outlines', 'area-outlines', 'boundary-outline', 'buildings', 'heat', 'live-dots']),
    );
  });

  it('keeps every layer object through a tick that changed nothing', () => {
    const layersFor = createMapLayers(pack, INDEX, EFFECTS);
    const wall = relayAndWall();
    const before = layersFor(wall.tick(NOON + 250), OPTIONS);
    const after = layersFor(wall.tick(NOON + 500), OPTIONS);
    expect(changedIds(before, after)).toEqual([]);
  });

  it('keeps the buildings when counts change but no level does, and keeps another source’s heat', () => {
    // Two walls, one showing all heat, one only the sensors'.
    const allFor = createMapLayers(pack, INDEX, EFFECTS);
    const sensorFor = createMapLayers(pack, INDEX, EFFECTS);
    const sensorOnly = { ...OPTIONS, heatSource: 'sensor' as const };
    const wall = relayAndWall();
    const before = { all: allFor(wall.tick(NOON + 250), OPTIONS), sensor: sensorFor(wall.view, sensorOnly) };
    // A face-recognition entry: an info event that counts and warms the camera grid, no incident.
    wall.tick(NOON + 500, { kind: 'face_access', compoundId: compoundAt(3) });
    expect(changedIds(before.all, allFor(wall.view, OPTIONS))).toEqual(['heat']);
    expect(changedIds(before.sensor, sensorFor(wall.view, sensorOnly))).toEqual([]);
  });

  it('recolours the buildings when a compound goes into alarm, and shows a live dot that fades away', () => {
    const layersFor = createMapLayers(pack, INDEX, EFFECTS);
    const wall = relayAndWall();
    const sensorOff = { ...OPTIONS, heatSource: 'alarm110' as const };
    const before = layersFor(wall.tick(NOON + 250), sensorOff);
    wall.tick(NOON + 500, { kind: 'smoke', compoundId: compoundAt(7) });
    const alarmed = layersFor(wall.view, sensorOff);
    expect(changedIds(before, alarmed).sort()).toEqual(['buildings', 'live-dots']);
    const triggers = (layers: Layer[]) => (byId(layers).get('buildings')?.props.updateTriggers as { getFillColor: string }).getFillColor;
    expect(triggers(alarmed)).not.toBe(triggers(before));
    expect((byId(alarmed).get('live-dots')?.props.data as unknown[]).length).toBe(1);

    const faded = layersFor(wall.tick(NOON + 500 + FADE_MS + 1_000), sensorOff);
    expect((byId(faded).get('live-dots')?.props.data as unknown[]).length).toBe(0);
    expect(byId(faded).get('buildings')).toBe(byId(alarmed).get('buildings'));
  });

  it('replaces only the labels when the language changes', () => {
    const layersFor = createMapLayers(pack, INDEX, EFFECTS);
    const wall = relayAndWall();
    const zh = layersFor(wall.tick(NOON + 250), OPTIONS);
    expect(changedIds(zh, layersFor(wall.view, { ...OPTIONS, lang: 'en' }))).toEqual(['labels']);
  });
});
