// The video wall's shape this page lays itself out for: the URL (`?wall=7680x2160&grid=4x2&bezel=12
// &dpr=1`), over the relay's configuration, over defaults (the browser window as one screen, the
// screen's own pixel ratio). A bad value is ignored with one warning line, so a typo in a kiosk's
// URL never leaves the wall blank.
import { parseBezel, parseDpr, parseGrid, parseSize, type Size, type WallShapeText } from '../../relay/protocol/wallShape.ts';

export type { Size, WallShapeText };

export interface WallGeometry {
  /** null: the browser window's size. */
  size: Size | null;
  cols: number;
  rows: number;
  bezel: number;
  /** Cap on the map's device pixel ratio; null: the screen's own, at most 2. */
  dpr: number | null;
}

export const SINGLE_SCREEN: WallGeometry = { size: null, cols: 1, rows: 1, bezel: 0, dpr: null };

export interface GeometryChoice {
  geometry: WallGeometry;
  /** One line per ignored setting. */
  warnings: string[];
}

/** Layers the settings: each later source's valid values replace the earlier ones. */
export function wallGeometryFrom(sources: readonly { name: string; shape: WallShapeText }[]): GeometryChoice {
  const geometry: WallGeometry = { ...SINGLE_SCREEN };
  const warnings: string[] = [];
  for (const { name, shape } of sources) {
    const use = <T>(key: string, raw: string | number | null | undefined, parse: (text: string) => T | string, apply: (value: T) => void) => {
      if (raw === null || raw === undefined || String(raw).trim() === '') return;
      const value = parse(String(raw));
      if (typeof value === 'string') warnings.push(`wall: ${name} ${key}=${String(raw)} ignored (${value})`);
      else apply(value);
    };
    use('wall', shape.wall, parseSize, (size) => (geometry.size = size));
    use('grid', shape.grid, parseGrid, ({ cols, rows }) => Object.assign(geometry, { cols, rows }));
    use('bezel', shape.bezel, parseBezel, (bezel) => (geometry.bezel = bezel));
    use('dpr', shape.dpr, parseDpr, (dpr) => (geometry.dpr = dpr));
  }
  return { geometry, warnings };
}

export function shapeFromSearch(search: string): WallShapeText {
  const params = new URLSearchParams(search);
  return { wall: params.get('wall'), grid: params.get('grid'), bezel: params.get('bezel'), dpr: params.get('dpr') };
}
