// A rectangle of the wall in CSS pixels from its top-left corner. Overlays (alarm cards, tour
// captions, the replay bar, the performance readout) are each given one that lies inside a
// single physical screen of the video wall, so their text never crosses a bezel.

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Inline style that places an absolutely positioned element on the rectangle. */
export function rectStyle(rect: Rect): string {
  return `left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px`;
}
