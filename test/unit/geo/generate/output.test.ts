import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { serialiseCollection } from '../../../../geo/generate/output.ts';

const clockwiseSquare: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'X', name: '甲' },
      geometry: {
        type: 'Polygon',
        coordinates: [[[121.1, 31.1], [121.1, 31.2000000004], [121.2, 31.2], [121.2, 31.1], [121.1000000001, 31.1], [121.1, 31.1]]],
      },
    },
    { type: 'Feature', properties: { id: 'Y' }, geometry: { type: 'Point', coordinates: [121.12345678, 31.98765432] } },
  ],
};

describe('serialiseCollection', () => {
  const text = serialiseCollection(clockwiseSquare);
  const [, first, second] = text.split('\n');

  it('writes one feature per line and a trailing newline', () => {
    expect(text.split('\n')).toHaveLength(5);
    expect(text.endsWith(']}\n')).toBe(true);
  });

  it('rounds to 6 decimals, drops repeated points and winds the outer ring counter-clockwise', () => {
    expect(JSON.parse(first!.replace(/,$/, '')).geometry.coordinates).toEqual([
      [[121.1, 31.1], [121.2, 31.1], [121.2, 31.2], [121.1, 31.2], [121.1, 31.1]],
    ]);
    expect(JSON.parse(second!).geometry.coordinates).toEqual([121.123457, 31.987654]);
  });

  it('keeps the properties as given, in order', () => {
    expect(first).toContain('"properties":{"id":"X","name":"甲"}');
  });

  it('writes an empty collection as valid JSON', () => {
    expect(JSON.parse(serialiseCollection({ type: 'FeatureCollection', features: [] }))).toEqual({ type: 'FeatureCollection', features: [] });
  });
});
