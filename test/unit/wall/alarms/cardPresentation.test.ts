import { describe, expect, it } from 'vitest';
import { moreCards } from '../../../../wall/i18n/messages.ts';
import { CARD_SIZES_REM, MAX_VISIBLE_CARDS, cardsThatFit } from '../../../../wall/alarms/cardFit.ts';
import { cardSubject } from '../../../../wall/alarms/cardSubject.ts';

describe('alarm card presentation', () => {
  it('fitsAsManyCardsAsTheRectangleHoldsUpToTheMaximum', () => {
    const { header, card, gap, more } = CARD_SIZES_REM;
    const rem = 20;
    const heightOf = (n: number) => (header + n * card + (n - 1) * gap + more) * rem;
    expect(cardsThatFit(heightOf(3), rem)).toBe(3);
    expect(cardsThatFit(heightOf(3) - 1, rem)).toBe(2);
    expect(cardsThatFit(10, rem)).toBe(0);
    expect(cardsThatFit(10_000, rem)).toBe(MAX_VISIBLE_CARDS);
  });

  it('quotesTheNoteShortAndWhole', () => {
    expect(cardSubject({ compoundName: '岚皋大楼小区', note: '  3号楼 5层  ' })).toEqual({ place: '岚皋大楼小区', note: '3号楼 5层' });
    expect(cardSubject({ compoundName: 'x', note: '   ' }).note).toBeNull();
    const long = cardSubject({ compoundName: 'x', note: '😀'.repeat(100) }).note ?? '';
    expect([...long]).toHaveLength(60);
    expect(long.endsWith('😀…')).toBe(true);
  });

  it('saysHowManyMoreWaitInBothLanguages', () => {
    expect(moreCards(3, 'zh')).toBe('另有 3 条');
    expect(moreCards(3, 'en')).toBe('+3 more');
  });
});
