// A line chart as inline SVG text: axes with round-numbered ticks, one polyline per series, a
// legend. No script and no external resource, so the HTML report stays one self-contained file.
// Pure.
import { escapeHtml } from './escape.ts';

export interface ChartSeries {
  name: string;
  /** A CSS colour. */
  color: string;
  /** [x, y] pairs, x ascending. */
  points: ReadonlyArray<readonly [number, number]>;
}

export interface LineChart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly ChartSeries[];
}

const WIDTH = 760;
const HEIGHT = 260;
const MARGIN = { left: 70, right: 20, top: 34, bottom: 40 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/** A step of 1, 2 or 5 × a power of ten that cuts `span` into at most about `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw);
  return step ?? 10 * power;
}

const label = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 });
const coordinate = (value: number) => value.toFixed(1);

export function lineChartSvg(chart: LineChart): string {
  const points = chart.series.flatMap((series) => series.points);
  if (points.length === 0) return `<p class="empty">${escapeHtml(chart.title)}: no data.</p>`;
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMax = 0;
  for (const [x, y] of points) [xMin, xMax, yMax] = [Math.min(xMin, x), Math.max(xMax, x), Math.max(yMax, y)];
  if (xMax === xMin) xMax = xMin + 1;
  const yStep = niceStep(yMax, 4);
  const yTop = Math.max(yStep, Math.ceil(yMax / yStep) * yStep);
  const xStep = niceStep(xMax - xMin, 8);
  const px = (x: number) => MARGIN.left + ((x - xMin) / (xMax - xMin)) * PLOT_W;
  const py = (y: number) => MARGIN.top + PLOT_H - (y / yTop) * PLOT_H;

  const parts: string[] = [];
  for (let y = 0; y <= yTop + yStep / 2; y += yStep) {
    parts.push(
      `<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${coordinate(py(y))}" y2="${coordinate(py(y))}"/>`,
      `<text class="tick" x="${MARGIN.left - 6}" y="${coordinate(py(y) + 4)}" text-anchor="end">${label(y)}</text>`,
    );
  }
  for (let x = Math.ceil(xMin / xStep) * xStep; x <= xMax; x += xStep) {
    parts.push(`<text class="tick" x="${coordinate(px(x))}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${label(x)}</text>`);
  }
  parts.push(
    `<line class="axis" x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + PLOT_H}"/>`,
    `<line class="axis" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${MARGIN.top + PLOT_H}" y2="${MARGIN.top + PLOT_H}"/>`,
    `<text class="title" x="${MARGIN.left}" y="18">${escapeHtml(chart.title)}</text>`,
    `<text class="tick" x="${WIDTH - MARGIN.right}" y="${HEIGHT - 6}" text-anchor="end">${escapeHtml(chart.xLabel)}</text>`,
    `<text class="tick" x="14" y="${MARGIN.top + PLOT_H / 2}" text-anchor="middle" transform="rotate(-90 14 ${MARGIN.top + PLOT_H / 2})">${escapeHtml(chart.yLabel)}</text>`,
  );
  chart.series.forEach((series, i) => {
    const color = escapeHtml(series.color);
    const drawn = series.points.map(([x, y]) => `${coordinate(px(x))},${coordinate(py(y))}`);
    if (drawn.length === 1) {
      const [x, y] = series.points[0] as readonly [number, number];
      parts.push(`<circle cx="${coordinate(px(x))}" cy="${coordinate(py(y))}" r="3" fill="${color}"/>`);
    } else if (drawn.length > 1) {
      parts.push(`<polyline fill="none" stroke="${color}" stroke-width="1.6" points="${drawn.join(' ')}"/>`);
    }
    const legendX = WIDTH - MARGIN.right - (chart.series.length - i) * 70;
    parts.push(
      `<rect x="${legendX}" y="9" width="12" height="4" fill="${color}"/>`,
      `<text class="tick" x="${legendX + 16}" y="15">${escapeHtml(series.name)}</text>`,
    );
  });
  return `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(chart.title)}">${parts.join('')}</svg>`;
}
