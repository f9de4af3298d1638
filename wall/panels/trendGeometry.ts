// Geometry of the 24-hour trend charts: hour i of 24 at x = i / 23 of the width, counts scaled
// to a rounded maximum shared by today and yesterday so the two lines compare at a glance.

/** The smallest 1, 2 or 5 × 10^k at or above every value (at least 1). */
export function niceMax(series: readonly (readonly number[])[]): number {
  const top = Math.max(1, ...series.flat());
  const magnitude = 10 ** Math.floor(Math.log10(top));
  const step = [1, 2, 5, 10].find((m) => m * magnitude >= top) ?? 10;
  return step * magnitude;
}

/** SVG `points` of a line through the hourly values, in a width × height box (y down). */
export function linePoints(values: readonly number[], max: number, width: number, height: number): string {
  return values
    .map((value, hour) => {
      const x = (hour / 23) * width;
      const y = height - (Math.min(value, max) / max) * height;
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
}

/** The same line closed down to the baseline, for a filled area under it. */
export function areaPoints(values: readonly number[], max: number, width: number, height: number): string {
  if (values.length === 0) return '';
  const lastX = ((values.length - 1) / 23) * width;
  return `0,${height} ${linePoints(values, max, width, height)} ${round(lastX)},${height}`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
