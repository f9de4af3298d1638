// A rolling counter's digits, kept in the DOM by hand: a place whose character did not change is
// not touched, so a new count costs one style and one attribute per digit that moved, whatever
// the number of counters a tick changes (the kinds panel changes dozens at a time). Places count
// from the right, so the units stay put when the number gains a digit. Each digit is a strip
// 0–9 moved by a transform, which the stylesheet animates — unless the counter changed again
// before its last roll ended: at thousands of events a second every count moves every tick,
// overlapping rolls cannot be read, and hundreds of them running at once cost the wall frames.

/** One place of a formatted count: a digit (rolled) or a separator (shown as it is). */
const isDigit = (char: string) => char >= '0' && char <= '9';

const STRIP = '0123456789';

/** The transform that shows each digit in its strip, made once. */
const OFFSETS = [...STRIP].map((digit) => `translateY(${-Number(digit)}em)`);
const stripOffset = (digit: string) => OFFSETS[Number(digit)]!;

function place(char: string): HTMLElement {
  const element = document.createElement('span');
  element.setAttribute('aria-hidden', 'true');
  if (!isDigit(char)) {
    element.className = 'separator';
    element.textContent = char;
    return element;
  }
  element.className = 'digit';
  element.dataset.digit = char;
  const strip = document.createElement('span');
  strip.className = 'strip';
  strip.style.transform = stripOffset(char);
  for (const digit of STRIP) strip.append(Object.assign(document.createElement('span'), { textContent: digit }));
  element.append(strip);
  return element;
}

export interface PlaceChanges {
  /** Places to drop on the left. */
  drop: number;
  /** Places to add on the left, in order. */
  add: string[];
  /** Places whose character changed, by index in the new text. */
  change: { at: number; char: string; before: string }[];
}

/** From one text to the next, places aligned from the right. Pure. */
export function placeChanges(before: readonly string[], after: readonly string[]): PlaceChanges {
  const kept = Math.min(before.length, after.length);
  const add = after.slice(0, after.length - kept);
  const change: PlaceChanges['change'] = [];
  for (let at = add.length; at < after.length; at++) {
    const char = after[at]!;
    const was = before[before.length - after.length + at]!;
    if (was !== char) change.push({ at, char, before: was });
  }
  return { drop: Math.max(0, before.length - after.length), add, change };
}

/** How long a digit takes to roll: the transition in RollingNumber.svelte. */
export const ROLL_MS = 800;

/** Whether a change at `now` rolls: not while the counter's last change (if any) is still rolling. Pure. */
export function rollsAt(lastChange: number | undefined, now: number): boolean {
  return lastChange === undefined || now - lastChange >= ROLL_MS;
}

/** The text each counter shows, so that a new one is compared without reading the DOM. */
const shownText = new WeakMap<HTMLElement, string[]>();
/** When each counter last changed (performance.now()). */
const changedAt = new WeakMap<HTMLElement, number>();

/** Brings the counter's places to `text`, touching only those that change. */
export function rollTo(box: HTMLElement, text: string, now = performance.now()): void {
  const chars = [...text];
  const { drop, add, change } = placeChanges(shownText.get(box) ?? [], chars);
  shownText.set(box, chars);
  if (change.length > 0) {
    const rolls = rollsAt(changedAt.get(box), now);
    changedAt.set(box, now);
    // The class changes only when the counter goes from calm to busy or back.
    if (box.classList.contains('instant') === rolls) box.classList.toggle('instant', !rolls);
  }
  for (let i = 0; i < drop; i++) box.firstElementChild?.remove();
  if (add.length > 0) box.prepend(...add.map(place));
  for (const { at, char, before } of change) {
    const element = box.children[at] as HTMLElement;
    if (isDigit(char) && isDigit(before)) {
      element.dataset.digit = char;
      (element.firstElementChild as HTMLElement).style.transform = stripOffset(char);
    } else {
      element.replaceWith(place(char));
    }
  }
}
