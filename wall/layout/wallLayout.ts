// Where everything with text goes on a video wall of cols × rows screens: each panel, each part of
// the title bar and each overlay is given a rectangle inside one screen, clear of the bezels, so
// no text is ever cut by a seam. The map is not laid out here: it spans the whole wall.
// Sizes are in rem as the panels are designed (a 1080-line screen at 17.28 px per rem), and the
// rem follows the size of one screen, so each screen of a wall reads like a single big screen.
import { splitInOrder } from './panelRows.ts';
import type { Rect } from './rect.ts';
import type { Size, WallGeometry } from './wallGeometry.ts';

export type PanelId = 'sources' | 'kinds' | 'incidents' | 'freshness' | 'feed' | 'trends' | 'places';
export type TitlePart = 'clock' | 'title' | 'status';
export type SlotName = 'alarms' | 'tour' | 'replay' | 'perf' | 'legend' | 'attribution' | 'waiting' | 'cases';

/** Panels of each side column, top to bottom, with their usual share of a column's height. */
const COLUMN_PANELS: Record<'left' | 'right', readonly { id: PanelId; weight: number }[]> = {
  left: [
    { id: 'sources', weight: 3 },
    { id: 'kinds', weight: 4 },
    { id: 'incidents', weight: 3 },
    { id: 'freshness', weight: 2 },
  ],
  right: [
    { id: 'feed', weight: 5 },
    { id: 'trends', weight: 3 },
    { id: 'places', weight: 3 },
  ],
};

/** In rem. */
const SIZES = {
  strip: 4.6,
  gap: 0.6,
  edge: 0.8,
  column: 25,
  /** Two lines: the embedded demo's replay notice, and the geography's sources. */
  attribution: 2.5,
  replay: 5.5,
  legend: 2.4,
  alarms: 28,
  perf: 22,
  perfHeight: 11,
  /** The grid and hotline panel, bottom centre above the heat legend. */
  cases: 62,
  casesHeight: 11.8,
  /** The tour's captions and stat cards take at most this share of a screen's height. */
  tourShare: 0.42,
} as const;

export interface TitleStrip {
  rect: Rect;
  parts: TitlePart[];
}

export interface ColumnRegion {
  side: 'left' | 'right';
  rect: Rect;
  panels: PanelId[];
}

export interface WallLayout {
  /** The wall's size in CSS pixels: the layout's coordinate space. */
  size: Size;
  /** CSS pixels per rem. */
  remPx: number;
  /** Where text may go on each screen (seams' bands removed), row by row. */
  screens: Rect[];
  strips: TitleStrip[];
  columns: ColumnRegion[];
  slots: Record<SlotName, Rect>;
}

/** CSS pixels per rem for screens of this size: 1.6 % of the height, at most 0.9 % of the width. */
export function remFor(screen: Size): number {
  return Math.min(screen.height * 0.016, screen.width * 0.009);
}

/** The part of screen (col, row) that text may use: `bezel` pixels kept clear on each side of a seam. */
function screenRect(size: Size, geometry: WallGeometry, col: number, row: number): Rect {
  const { cols, rows, bezel } = geometry;
  const x0 = (size.width * col) / cols + (col > 0 ? bezel : 0);
  const x1 = (size.width * (col + 1)) / cols - (col < cols - 1 ? bezel : 0);
  const y0 = (size.height * row) / rows + (row > 0 ? bezel : 0);
  const y1 = (size.height * (row + 1)) / rows - (row < rows - 1 ? bezel : 0);
  return { left: x0, top: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

const bottomOf = (rect: Rect) => rect.top + rect.height;

/** Cuts a band of `height` off the bottom of `area` (changing it); returns the band. */
function carveBottom(area: Rect, height: number, width = area.width, alignRight = false): Rect {
  const h = Math.min(height, area.height);
  const w = Math.min(width, area.width);
  const band = { left: alignRight ? area.left + area.width - w : area.left, top: bottomOf(area) - h, width: w, height: h };
  area.height -= h;
  return band;
}

export function wallLayout(size: Size, geometry: WallGeometry): WallLayout {
  const { cols, rows } = geometry;
  const rem = remFor({ width: size.width / cols, height: size.height / rows });
  const px = (value: number) => value * rem;
  const screens: Rect[] = [];
  for (let row = 0; row < rows; row++) for (let col = 0; col < cols; col++) screens.push(screenRect(size, geometry, col, row));
  const screenAt = (col: number, row: number) => screens[row * cols + col]!;

  const titleCol = Math.floor((cols - 1) / 2);
  const strips: TitleStrip[] = [];
  for (let col = 0; col < cols; col++) {
    const parts: TitlePart[] = [];
    if (col === 0) parts.push('clock');
    if (col === titleCol) parts.push('title');
    if (col === cols - 1) parts.push('status');
    const screen = screenAt(col, 0);
    strips.push({ rect: { ...screen, height: Math.min(px(SIZES.strip), screen.height) }, parts });
  }

  // What is left of each screen once the title strip, the edges and the side columns are taken.
  const free = screens.map((screen, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const top = screen.top + (row === 0 ? px(SIZES.strip + SIZES.gap) : px(SIZES.gap));
    const left = screen.left + px(SIZES.edge) + (col === 0 ? px(SIZES.column + SIZES.edge) : 0);
    const right = bottomRight(screen).x - px(SIZES.edge) - (col === cols - 1 ? px(SIZES.column + SIZES.edge) : 0);
    const bottom = bottomOf(screen) - px(SIZES.gap);
    return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
  });

  const columns: ColumnRegion[] = [];
  for (const side of ['left', 'right'] as const) {
    const col = side === 'left' ? 0 : cols - 1;
    const panels = COLUMN_PANELS[side];
    const runs = splitInOrder(
      panels.map((panel) => panel.weight),
      rows,
    );
    runs.forEach((run, row) => {
      if (run.length === 0) return;
      const screen = screenAt(col, row);
      const area = free[row * cols + col]!;
      const left = side === 'left' ? screen.left + px(SIZES.edge) : bottomRight(screen).x - px(SIZES.edge + SIZES.column);
      columns.push({
        side,
        rect: { left, top: area.top, width: Math.min(px(SIZES.column), screen.width), height: area.height },
        panels: run.map((index) => panels[index]!.id),
      });
    });
  }

  // Overlays, carved from the free areas: the bottom bands first, the top corners from what is left.
  const lastRight = free[(rows - 1) * cols + cols - 1]!;
  const attribution = carveBottom(lastRight, px(SIZES.attribution));
  const replay = carveBottom(lastRight, px(SIZES.replay), px(60));
  const lastMiddle = free[(rows - 1) * cols + titleCol]!;
  const legend = carveBottom(lastMiddle, px(SIZES.legend), px(24));
  const tour = carveBottom(lastMiddle, screenAt(titleCol, rows - 1).height * SIZES.tourShare, px(64));
  // The case panel lies at the foot of the tour's band: while a tour plays, its captions take the
  // panel's place (the panel steps aside) rather than pushing it up the screen.
  const cases = carveBottom({ ...tour }, px(SIZES.casesHeight), px(SIZES.cases));
  centreBand(legend, lastMiddle);
  centreBand(tour, lastMiddle);
  centreBand(cases, lastMiddle);
  const firstRight = free[cols - 1]!;
  const alarms = { ...firstRight, left: bottomRight(firstRight).x - Math.min(px(SIZES.alarms), firstRight.width), width: Math.min(px(SIZES.alarms), firstRight.width) };
  const firstLeft = free[0]!;
  const perfWidth = Math.min(px(SIZES.perf), cols === 1 ? Math.max(0, firstLeft.width - alarms.width - px(SIZES.gap)) : firstLeft.width);
  const perf = { left: firstLeft.left, top: firstLeft.top, width: perfWidth, height: Math.min(px(SIZES.perfHeight), firstLeft.height) };
  const waiting = { ...free[titleCol]! };

  return { size, remPx: rem, screens, strips, columns, slots: { alarms, tour, replay, perf, legend, attribution, waiting, cases } };
}

function bottomRight(rect: Rect): { x: number; y: number } {
  return { x: rect.left + rect.width, y: bottomOf(rect) };
}

/** Centres a band cut from `area` horizontally within it. */
function centreBand(band: Rect, area: Rect): void {
  band.left = area.left + (area.width - band.width) / 2;
}
