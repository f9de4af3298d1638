// One line of text that never runs outside its box: cut with an ellipsis where it would overflow.
// CSS's text-overflow only hides the overflow, and the hidden text still lies across the box's
// edge — on a video wall, maybe across a bezel. So the text itself is shortened to what fits.
import type { Attachment } from 'svelte/attachments';

const ELLIPSIS = '…';

/** The largest n in 0…max for which `fits(n)` holds, when fitting is monotone (and fits(0)). */
export function longestFitting(max: number, fits: (n: number) => boolean): number {
  let [low, high] = [0, Math.max(0, max)];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Shows `text` in the element (which should have `overflow: hidden` and a width set by its
 * parent), cut by code points, so a character is never split. Fits again when the parent's
 * size changes and once the fonts are ready.
 */
export function fitLine(text: string): Attachment<HTMLElement> {
  return (element) => {
    const chars = [...text];
    const show = (n: number) => (element.textContent = n >= chars.length ? text : `${chars.slice(0, n).join('')}${ELLIPSIS}`);
    const fits = () => element.scrollWidth <= element.clientWidth;
    const fit = () => {
      show(chars.length);
      if (fits()) return;
      show(longestFitting(chars.length - 1, (n) => (show(n), fits())));
    };
    fit();
    let live = true;
    void document.fonts.ready.then(() => live && fit());
    const observer = new ResizeObserver(fit);
    if (element.parentElement) observer.observe(element.parentElement);
    return () => {
      live = false;
      observer.disconnect();
    };
  };
}
