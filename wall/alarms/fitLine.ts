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

/** Steps in which a line may be set smaller before it is cut. */
const SHRINK_STEP = 0.05;

interface Fitted {
  text: string;
  minScale: number;
  observer: ResizeObserver;
  fit: () => void;
  /** The element's width when last fitted: a report of the same width (the observer's first, a
   * change of height) needs no new fit. */
  width: number;
  /** Bumped by each run of the attachment, so a teardown can tell whether a new run followed. */
  run: number;
}

/** What each element shows and watches, kept across the attachment's runs; let go on release. */
const fittedIn = new Map<HTMLElement, Fitted>();

/**
 * Shows `text` in the element (which should have `overflow: hidden` and a width set by its
 * parent), set down to `minScale` of its font size if that makes it fit (long romanised names),
 * else cut by code points, so a character is never split. Fits again when the parent's size
 * changes and when a font has loaded.
 *
 * Fitting measures, and measuring makes the browser lay out the page. Svelte runs an attachment
 * again whenever anything its expression read changed (a ranking row's new counts, an alarm
 * card's new count), several times a second on a busy wall; a run with the same text keeps what
 * the element shows and its observer, and costs no layout. A new text is shown at once and fitted
 * at the next frame, before it is painted (fitAtNextFrame).
 */
export function fitLine(text: string, minScale = 1): Attachment<HTMLElement> {
  return (element) => {
    const known = fittedIn.get(element);
    const run = (known?.run ?? 0) + 1;
    if (known && known.text === text && known.minScale === minScale) {
      known.run = run;
      return () => release(element, run);
    }
    known?.observer.disconnect();
    const chars = [...text];
    const show = (n: number) => (element.textContent = n >= chars.length ? text : `${chars.slice(0, n).join('')}${ELLIPSIS}`);
    const fits = () => element.scrollWidth <= element.clientWidth;
    const shrinks = () => {
      const size = parseFloat(getComputedStyle(element).fontSize);
      for (let scale = 1 - SHRINK_STEP; scale >= minScale - 1e-9; scale -= SHRINK_STEP) {
        element.style.fontSize = `${size * scale}px`;
        if (fits()) return true;
      }
      element.style.fontSize = '';
      return false;
    };
    const fitIn = () => {
      element.style.fontSize = '';
      show(chars.length);
      if (fits() || shrinks()) return;
      show(longestFitting(chars.length - 1, (n) => (show(n), fits())));
    };
    const fit = () => {
      if (fittedIn.get(element) !== fitted) return;
      fitIn();
      fitted.width = element.clientWidth;
    };
    // Observers report after layout, so the width is read without laying out again.
    const resized = () => {
      if (element.clientWidth !== fitted.width) fit();
    };
    const fitted: Fitted = { text, minScale, run, observer: new ResizeObserver(resized), fit, width: -1 };
    fittedIn.set(element, fitted);
    element.style.fontSize = '';
    show(chars.length);
    fitAtNextFrame(fit);
    refitWhenFontsLoad();
    if (element.parentElement) fitted.observer.observe(element.parentElement);
    return () => release(element, run);
  };
}

/** Fits waiting for the next frame; a fit asked for twice runs once. */
const dueFits = new Set<() => void>();

/**
 * Runs a fit at the next frame. On a busy wall a tick changes texts while its other updates leave
 * the page's layout dirty, and ticks come faster than frames (in software rendering, several per
 * frame): fitting at once would lay out the whole page in each tick, fitting at the frame lays it
 * out once, when the frame does anyway.
 */
function fitAtNextFrame(fit: () => void): void {
  if (dueFits.size === 0) requestAnimationFrame(runDueFits);
  dueFits.add(fit);
}

function runDueFits(): void {
  const fits = [...dueFits];
  dueFits.clear();
  for (const fit of fits) fit();
}

let watchingFonts = false;

/**
 * A font that finishes loading changes the texts' widths, not their boxes' (which the observers
 * watch): every line is fitted again. Asking `document.fonts.ready` for each new text instead
 * would make the browser update the page's style and layout each time.
 */
function refitWhenFontsLoad(): void {
  if (watchingFonts) return;
  watchingFonts = true;
  document.fonts.addEventListener('loadingdone', () => {
    for (const fitted of fittedIn.values()) fitAtNextFrame(fitted.fit);
  });
}

/**
 * The teardown of a run: Svelte runs the attachment again at once when only its inputs changed,
 * so the element is let go only if no run followed this one by the next microtask.
 */
function release(element: HTMLElement, run: number): void {
  queueMicrotask(() => {
    const fitted = fittedIn.get(element);
    if (fitted?.run !== run) return;
    fitted.observer.disconnect();
    fittedIn.delete(element);
  });
}
