// The replay bar's track: the window of frames from the oldest (left) to the newest (right), and
// where a time lies on it. Pure.

export interface ReplaySpan {
  /** Relay times of the oldest and the newest frame. */
  oldest: number;
  newest: number;
}

/** 0 at the oldest frame, 1 at the newest; times outside the span are clamped. */
export function trackFraction(span: ReplaySpan, at: number): number {
  const width = span.newest - span.oldest;
  return width <= 0 ? 1 : Math.min(1, Math.max(0, (at - span.oldest) / width));
}

/** The time at a fraction of the track (a click or a drag on it). */
export function trackTime(span: ReplaySpan, fraction: number): number {
  return span.oldest + Math.min(1, Math.max(0, fraction)) * (span.newest - span.oldest);
}
