import { describe, expect, it } from 'vitest';
import { parseDropIn } from '../../../../geo/generate/dropIns.ts';

const square = { type: 'Polygon', coordinates: [[[121.41, 31.25], [121.42, 31.25], [121.42, 31.26], [121.41, 31.25]]] };
const committee = (properties: Record<string, unknown>, geometry: unknown = square) => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties, geometry }],
});
const good = { id: 'SQ-R01', adcode: null, name: '甲居委会', nameEn: 'Jia', shortName: '甲', areaId: 'SQ-A1', provenance: 'real' };

describe('parseDropIn', () => {
  it('rebuilds properties in schema order, id first, without extra keys', () => {
    // Keys arrive in another order, with one the schema does not know.
    const [feature] = parseDropIn('committees', 'c.geojson', committee({ provenance: 'real', extra: 1, areaId: 'SQ-A1', shortName: '甲', nameEn: 'Jia', name: '甲居委会', adcode: null, id: 'SQ-R01' }));
    expect(Object.keys(feature!.properties)).toEqual(['id', 'adcode', 'name', 'nameEn', 'shortName', 'areaId', 'provenance']);
  });

  it.each([
    ['a feature without an id', committee({ ...good, id: '' }), /c\.geojson: features\[0\] has no id/],
    ['a wrong property', committee({ ...good, adcode: '123' }), /c\.geojson: SQ-R01 property adcode: expected a 12-digit code/],
    ['a wrong geometry type', committee(good, { type: 'Point', coordinates: [121.4, 31.2] }), /c\.geojson: SQ-R01 has geometry type Point/],
    ['no FeatureCollection', { type: 'Feature' }, /c\.geojson: is not a GeoJSON FeatureCollection/],
    ['an empty file', { type: 'FeatureCollection', features: [] }, /c\.geojson: has no features/],
  ])('rejects %s with a line naming the file', (_what, json, message) => {
    expect(() => parseDropIn('committees', 'c.geojson', json)).toThrow(message);
  });

  it('wants exactly one boundary', () => {
    const two = { type: 'FeatureCollection', features: [0, 1].map(() => committee({ id: 'B', name: 'b', nameEn: 'b', provenance: 'real' }).features[0]) };
    expect(() => parseDropIn('boundary', 'b.geojson', two)).toThrow(/exactly one feature/);
  });
});
