// How many alarm cards fit the overlay's rectangle. Card sizes are in rem (the wall's type scale)
// and passed to the CSS from here, so the count and the drawing agree.

export const CARD_SIZES_REM = { header: 2, card: 4.9, gap: 0.45, more: 1.6 } as const;

/** More would hide the map under alarm cards; the rest wait behind "+k more". */
export const MAX_VISIBLE_CARDS = 5;

export function cardsThatFit(heightPx: number, remPx: number): number {
  const { header, card, gap, more } = CARD_SIZES_REM;
  const room = heightPx / remPx - header - more + gap;
  return Math.max(0, Math.min(MAX_VISIBLE_CARDS, Math.floor(room / (card + gap))));
}
