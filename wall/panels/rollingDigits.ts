// A rolling counter's digits, kept in the DOM by hand: a place whose character did not change is
// not touched, so a new count costs one transform per digit that moved, whatever the number of
// counters a tick changes (the kinds panel changes dozens at a time). Places count
// from the right, so the units stay put when the number gains a digit. Each digit is a strip
// 0–9 moved by a transform, which the stylesheet animates — unless the counter changed again
// before its last roll ended: at thousands of events a second every count moves every tick,
// overlapping rolls cannot be read, and hundreds of them running at once cost the wall frames.

import { formatCount } from '../i18n/format.ts';

/** One place of a formatted count: a digit (rolled) or a separator (shown as it is). */
const isDigit = (char: string) => char >= '0' && char <= '9';

const STRIP = '0123456789';

/**
 * The transform that shows each digit in its strip, made once. 3D, so that each strip is a
 * compositing layer of its own: a digit that moves is a new transform for the compositor, with
 * nothing to paint again (the strip holds every digit already).
 */
const OFFSETS = [...STRIP].map((digit) => `translate3d(0, ${-Number(digit)}em, 0)`);
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

/** What a counter shows, kept beside its box so that a new text is compared without reading the DOM. */
interface Shown {
  /** NaN before the first value: equal to none. */
  value: number;
  text: string;
  /** Each place's strip (a digit) or null (a separator), left to right: no DOM lookup per change. */
  strips: (HTMLElement | null)[];
  /** When the counter last changed (performance.now()), and whether its digits now jump. */
  changedAt: number | undefined;
  instant: boolean;
}

const shownBy = new WeakMap<HTMLElement, Shown>();

const stripsOf = (box: HTMLElement) => [...box.children].map((element) => (element.firstElementChild as HTMLElement | null) ?? null);

/** Whether the counter rolls to its next text or jumps; the class changes only when that flips. */
function pace(box: HTMLElement, shown: Shown, now: number): void {
  const instant = !rollsAt(shown.changedAt, now);
  shown.changedAt = now;
  if (instant !== shown.instant) box.classList.toggle('instant', (shown.instant = instant));
}

/**
 * Shows `value` in the counter: its digits, and the figure as text for the screen reader and the
 * tests (`aria-label`, `data-value`). Nothing is touched when the value is the one shown.
 */
export function showCount(box: HTMLElement, value: number, now = performance.now()): void {
  const shown = shownOf(box);
  if (value === shown.value) return;
  shown.value = value;
  const text = formatCount(value);
  box.setAttribute('data-value', String(value));
  box.setAttribute('aria-label', text);
  rollTo(box, shown, text, now);
}

function shownOf(box: HTMLElement): Shown {
  let shown = shownBy.get(box);
  if (!shown) shownBy.set(box, (shown = { value: Number.NaN, text: '', strips: [], changedAt: undefined, instant: false }));
  return shown;
}

/** Brings the counter's places to `text`, touching only those that change. */
function rollTo(box: HTMLElement, shown: Shown, text: string, now: number): void {
  const { drop, add, change } = placeChanges([...shown.text], [...text]);
  shown.text = text;
  if (change.length > 0) pace(box, shown, now);
  for (let i = 0; i < drop; i++) box.firstElementChild?.remove();
  if (add.length > 0) box.prepend(...add.map(place));
  // The places moved (a digit gained or lost): read the strips again, once.
  if (drop > 0 || add.length > 0) shown.strips = stripsOf(box);
  let replaced = false;
  for (const { at, char, before } of change) {
    if (isDigit(char) && isDigit(before)) {
      shown.strips[at]!.style.transform = stripOffset(char);
    } else {
      box.children[at]!.replaceWith(place(char));
      replaced = true;
    }
  }
  if (replaced) shown.strips = stripsOf(box);
}
