// Where text on the wall crosses a seam of the video wall: every piece of text on the page (each
// line of each text node, as drawn, cut to what its clipping ancestors let show), against the
// seams of the grid the wall says it is laid out for (its HUD's data-grid and data-bezel), in the
// page's own pixels, so a scaled preview is checked as well as the wall itself.
import type { Page } from 'playwright-core';
import { nextFrame } from './wallPage.ts';

export interface SeamCheck {
  /** How many lines of text were checked (a check of nothing proves nothing). */
  checked: number;
  /** One line per text line that crosses a seam's band or leaves the wall. */
  problems: string[];
}

export async function textAcrossSeams(page: Page): Promise<SeamCheck> {
  await nextFrame(page);
  return page.evaluate(() => {
    const hud = document.querySelector<HTMLElement>('.hud');
    if (!hud) return { checked: 0, problems: ['no .hud element'] };
    const [cols, rows] = (hud.dataset.grid ?? '1x1').split('x').map(Number) as [number, number];
    const frame = hud.getBoundingClientRect();
    const scale = frame.width / hud.offsetWidth;
    const band = Number(hud.dataset.bezel ?? 0) * scale;
    const seamsX = Array.from({ length: cols - 1 }, (_, k) => frame.left + ((k + 1) * frame.width) / cols);
    const seamsY = Array.from({ length: rows - 1 }, (_, k) => frame.top + ((k + 1) * frame.height) / rows);
    const problems: string[] = [];
    let checked = 0;
    /** The part of a line that shows: cut by every ancestor that clips its overflow. */
    const visiblePart = (line: DOMRect, from: Element): DOMRect | null => {
      let { left, top, right, bottom } = line;
      for (let box: Element | null = from; box; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = box.getBoundingClientRect();
        if (style.overflowX !== 'visible') [left, right] = [Math.max(left, clip.left), Math.min(right, clip.right)];
        if (style.overflowY !== 'visible') [top, bottom] = [Math.max(top, clip.top), Math.min(bottom, clip.bottom)];
      }
      return right - left > 0.5 && bottom - top > 0.5 ? new DOMRect(left, top, right - left, bottom - top) : null;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (text === '' || !node.parentElement || node.parentElement.closest('script, style')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const drawn of range.getClientRects()) {
        const line = visiblePart(drawn, node.parentElement);
        if (!line) continue;
        checked++;
        const name = `"${text.slice(0, 24)}" at ${Math.round(line.left)},${Math.round(line.top)} ${Math.round(line.width)}×${Math.round(line.height)}`;
        for (const x of seamsX) if (line.left < x + band && line.right > x - band) problems.push(`${name} crosses the seam at x=${Math.round(x)}`);
        for (const y of seamsY) if (line.top < y + band && line.bottom > y - band) problems.push(`${name} crosses the seam at y=${Math.round(y)}`);
        if (line.left < frame.left - 0.5 || line.top < frame.top - 0.5 || line.right > frame.right + 0.5 || line.bottom > frame.bottom + 0.5) {
          problems.push(`${name} leaves the wall`);
        }
      }
    }
    return { checked, problems };
  });
}
