// Where a card names the place and quotes the note: the one spot privacy mode masks them.
import type { AlarmCard } from './alarmQueue.ts';

/** Enough of a note to tell alarms apart at a glance; the card cuts it further to its width. */
const NOTE_CHARS = 60;

export interface CardSubject {
  place: string;
  /** Plain text, never HTML; null when the producer gave none. */
  note: string | null;
}

export function cardSubject(card: Pick<AlarmCard, 'compoundName' | 'note'>): CardSubject {
  // By code points, so a cut never splits a character in two.
  const chars = [...(card.note?.trim() ?? '')];
  const note = chars.length > NOTE_CHARS ? `${chars.slice(0, NOTE_CHARS - 1).join('')}…` : chars.join('');
  return { place: card.compoundName, note: note === '' ? null : note };
}
