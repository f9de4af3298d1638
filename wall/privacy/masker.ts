// What privacy mode does to the texts the wall shows from events: place names keep their generic
// tail, and notes — free text that may name people, flats and plates — are replaced by a
// placeholder. One object per mode, so components ask "how do I show this?" and never test
// the mode.
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/messages.ts';
import { maskPlaceName } from './placeMask.ts';

export interface Masker {
  /** A compound's or committee's name. */
  place(name: string): string;
  /** A producer's note; null stays null (nothing to hide, nothing to say). */
  note(note: string | null, lang: Lang): string | null;
}

export const SHOW_ALL: Masker = {
  place: (name) => name,
  note: (note) => note,
};

export const MASK_PRIVATE: Masker = {
  place: maskPlaceName,
  note: (note, lang) => (note === null ? null : t('noteHidden', lang)),
};

export function maskerFor(privacy: boolean): Masker {
  return privacy ? MASK_PRIVATE : SHOW_ALL;
}
