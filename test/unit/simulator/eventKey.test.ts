// Message keys: the compound id, or for an event with only a position, the compound the relay
// will attribute it to (converting GCJ-02 first), so an incident's open and close share a key.
import { beforeAll, describe, expect, it } from 'vitest';
import { createCompoundLocator } from '../../../geo/compoundLocator.ts';
import { wgs84ToGcj02 } from '../../../geo/gcj02.ts';
import type { GeoPack } from '../../../geo/schema.ts';
import { compoundKey, type EventKey } from '../../../simulator/targets/eventKey.ts';
import { committedPack } from './helpers.ts';

let pack: GeoPack;
let keyOf: EventKey;
beforeAll(async () => {
  pack = await committedPack();
  keyOf = compoundKey(createCompoundLocator(pack.compounds.features));
});

/** A point well inside a compound: the mean of its ring's corners. */
function inside(index: number): { id: string; point: [number, number] } {
  const feature = pack.compounds.features[index]!;
  const ring = feature.geometry.coordinates[0]!.slice(0, -1);
  const lng = ring.reduce((sum, [x]) => sum + x!, 0) / ring.length;
  const lat = ring.reduce((sum, [, y]) => sum + y!, 0) / ring.length;
  return { id: feature.properties.id, point: [lng, lat] };
}

describe('event keys', () => {
  it('is the compound id when the event gives one', () => {
    expect(keyOf({ id: 'a', ts: 0, kind: 'smoke', compoundId: 'SQ-C07', lng: 0, lat: 0 })).toBe('SQ-C07');
  });

  it('is the compound a WGS84 or GCJ-02 position falls in', () => {
    const { id, point } = inside(12);
    expect(keyOf({ id: 'a', ts: 0, kind: 'smoke', lng: point[0], lat: point[1] })).toBe(id);
    const [lng, lat] = wgs84ToGcj02(point[0], point[1]);
    expect(keyOf({ id: 'b', ts: 0, kind: 'smoke', lng, lat, crs: 'gcj02' })).toBe(id);
  });

  it('is null for a position outside every compound', () => {
    expect(keyOf({ id: 'a', ts: 0, kind: 'smoke', lng: 120, lat: 30 })).toBeNull();
  });
});
