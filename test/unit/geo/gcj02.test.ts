import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../../geo/gcj02.ts';

interface SourceRow {
  name: string;
  gcj: [number, number];
  wgs: [number, number];
}

// The committee CSV carries both systems for every row that has a point; the WGS84 columns were
// converted independently when the sources were collected, so they are an outside reference.
function rowsWithCoordinates(): SourceRow[] {
  const csvUrl = new URL('../../../geo/sources/shiquan_committees_2016_from_vonng_adcode.csv', import.meta.url);
  const [header, ...lines] = readFileSync(csvUrl, 'utf8').trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  const col = (cells: string[], name: string) => cells[columns.indexOf(name)] ?? '';
  return lines
    .map((line) => line.split(','))
    .filter((cells) => col(cells, 'lon_gcj02') !== '')
    .map((cells) => ({
      name: col(cells, 'name'),
      gcj: [Number(col(cells, 'lon_gcj02')), Number(col(cells, 'lat_gcj02'))],
      wgs: [Number(col(cells, 'lon_wgs84')), Number(col(cells, 'lat_wgs84'))],
    }));
}

const ROWS = rowsWithCoordinates();
// The CSV rounds to 6 decimals, so 1e-6° is the tightest comparison it supports.
const CSV_TOLERANCE_DEG = 1e-6;

describe('GCJ-02 conversion', () => {
  it('finds the rows with coordinates in the source CSV', () => {
    expect(ROWS.map((r) => r.name)).toEqual(['普陀区', '石泉路街道', '铁路新村居委会', '陆家宅第二居委会']);
  });

  it.each(ROWS)('converts $name from GCJ-02 to the WGS84 given in the CSV', ({ gcj, wgs }) => {
    const [lng, lat] = gcj02ToWgs84(gcj[0], gcj[1]);
    expect(Math.abs(lng - wgs[0])).toBeLessThan(CSV_TOLERANCE_DEG);
    expect(Math.abs(lat - wgs[1])).toBeLessThan(CSV_TOLERANCE_DEG);
  });

  it.each(ROWS)('converts $name from WGS84 to the GCJ-02 given in the CSV', ({ gcj, wgs }) => {
    const [lng, lat] = wgs84ToGcj02(wgs[0], wgs[1]);
    expect(Math.abs(lng - gcj[0])).toBeLessThan(CSV_TOLERANCE_DEG);
    expect(Math.abs(lat - gcj[1])).toBeLessThan(CSV_TOLERANCE_DEG);
  });

  it.each(ROWS)('round-trips $name to within 1e-7°', ({ gcj }) => {
    const [wLng, wLat] = gcj02ToWgs84(gcj[0], gcj[1]);
    const [gLng, gLat] = wgs84ToGcj02(wLng, wLat);
    expect(Math.abs(gLng - gcj[0])).toBeLessThan(1e-7);
    expect(Math.abs(gLat - gcj[1])).toBeLessThan(1e-7);
  });

  it('shifts Shanghai by the offset SOURCES.md reports (≈ +0.00464° lon, −0.00183° lat)', () => {
    const [lng, lat] = wgs84ToGcj02(121.416, 31.253);
    expect(lng - 121.416).toBeCloseTo(0.00464, 4);
    expect(lat - 31.253).toBeCloseTo(-0.00183, 4);
  });

  it('round-trips a grid across China', () => {
    for (let lng = 75; lng <= 135; lng += 7.5) {
      for (let lat = 18; lat <= 53; lat += 5) {
        const [gLng, gLat] = wgs84ToGcj02(lng, lat);
        const [wLng, wLat] = gcj02ToWgs84(gLng, gLat);
        expect(Math.abs(wLng - lng)).toBeLessThan(1e-7);
        expect(Math.abs(wLat - lat)).toBeLessThan(1e-7);
      }
    }
  });

  it('leaves coordinates outside China unchanged both ways', () => {
    expect(wgs84ToGcj02(2.3522, 48.8566)).toEqual([2.3522, 48.8566]);
    expect(gcj02ToWgs84(-74.006, 40.7128)).toEqual([-74.006, 40.7128]);
  });
});
