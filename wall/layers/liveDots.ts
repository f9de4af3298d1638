// Live events as dots that fade out: the feed's newest items at their compound's label point,
// fully opaque when they arrive, gone after FADE_MS. Ages are taken at the view's time, so a
// wall shows the same picture for the same view (and a replayed view looks as it did then).
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Severity } from '../../relay/contract/kinds.ts';
import type { FeedItem } from '../../relay/protocol/snapshot.ts';
import type { RGBA } from './alertLevels.ts';
import { OVERLAY_PARAMETERS } from './depthParameters.ts';

export const FADE_MS = 60_000;

const SEVERITY_COLORS: Readonly<Record<Severity, RGBA>> = {
  info: [120, 220, 255, 255],
  warning: [255, 196, 64, 255],
  critical: [255, 72, 56, 255],
};

export interface LiveDot {
  no: number;
  position: [number, number];
  color: RGBA;
  /** Metres on the ground. */
  radius: number;
}

export const NO_DOTS: LiveDot[] = [];

/** Dots of the items younger than FADE_MS at `at`, oldest first so the newest is drawn on top. */
export function liveDots(
  feed: readonly FeedItem[],
  at: number,
  labelPoints: ReadonlyMap<string, readonly [number, number]>,
): LiveDot[] {
  const dots: LiveDot[] = [];
  for (const item of feed) {
    const age = Math.max(0, at - item.ts);
    const position = labelPoints.get(item.compoundId);
    if (age >= FADE_MS || !position) continue;
    const [r, g, b, a] = SEVERITY_COLORS[item.severity];
    dots.push({
      no: item.no,
      position: [position[0], position[1]],
      color: [r, g, b, Math.round(a * (1 - age / FADE_MS))],
      radius: item.severity === 'critical' ? 28 : 18,
    });
  }
  return dots.length === 0 ? NO_DOTS : dots.reverse();
}

export function liveDotsLayer(dots: LiveDot[], scale: number) {
  return new ScatterplotLayer<LiveDot>({
    id: 'live-dots',
    data: dots,
    getPosition: (d) => d.position,
    getRadius: (d) => d.radius,
    getFillColor: (d) => d.color,
    getLineColor: (d) => [255, 255, 255, d.color[3]],
    radiusUnits: 'meters',
    radiusMinPixels: 4 * scale,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5 * scale,
    parameters: OVERLAY_PARAMETERS,
  });
}
