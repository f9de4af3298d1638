// The page's frame on the video wall: the wall's shape (URL over the relay's configuration over a
// single screen), the browser window's size, and from them the layout and the scale that fits the
// wall's layout into the window (1 on the wall itself; smaller when previewing a 7680×2160 layout
// on a desk monitor).
import type { WallShapeText } from '../../relay/protocol/wallShape.ts';
import { SINGLE_SCREEN, shapeFromSearch, wallGeometryFrom, type Size, type WallGeometry } from './wallGeometry.ts';
import { wallLayout } from './wallLayout.ts';

const WALL_CONFIG_URL = 'api/wall-config';

export class WallFrame {
  geometry = $state.raw<WallGeometry>(SINGLE_SCREEN);
  viewport = $state.raw<Size>({ width: 1920, height: 1080 });
  private readonly search: string;

  readonly size = $derived(this.geometry.size ?? this.viewport);
  readonly layout = $derived(wallLayout(this.size, this.geometry));
  readonly scale = $derived(Math.min(this.viewport.width / this.size.width, this.viewport.height / this.size.height));

  constructor(search: string) {
    this.search = search;
    this.settle(null);
  }

  /** Follows the window's size and asks the relay for its wall settings; returns the stop function. */
  start(): () => void {
    const measure = () => (this.viewport = { width: innerWidth, height: innerHeight });
    measure();
    addEventListener('resize', measure);
    const controller = new AbortController();
    fetch(WALL_CONFIG_URL, { signal: controller.signal, cache: 'no-store' })
      .then((response) => (response.ok ? (response.json() as Promise<WallShapeText>) : null))
      .then((relayShape) => this.settle(relayShape))
      // Without the relay's settings the URL's and the defaults still make a wall.
      .catch(() => {});
    return () => {
      controller.abort();
      removeEventListener('resize', measure);
    };
  }

  private settle(relayShape: WallShapeText | null): void {
    const { geometry, warnings } = wallGeometryFrom([
      ...(relayShape ? [{ name: 'relay setting', shape: relayShape }] : []),
      { name: 'URL parameter', shape: shapeFromSearch(this.search) },
    ]);
    // The URL's problems were reported when the page started.
    for (const warning of relayShape ? warnings.filter((line) => line.includes('relay setting')) : warnings) console.warn(warning);
    this.geometry = geometry;
  }
}
