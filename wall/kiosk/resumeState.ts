// What a self-reload hands to the next page: the last live view and the language, so the wall
// shows them at once instead of an empty screen until the relay's snapshot comes. Pure: the
// edge keeps it in sessionStorage for one reload.
import type { Snapshot } from '../../relay/protocol/snapshot.ts';
import { isLang, type Lang } from '../i18n/lang.ts';

export interface ResumeState {
  /** Epoch ms when it was saved, just before the reload. */
  savedAt: number;
  lang: Lang;
  view: Snapshot;
}

/** Older than this, a saved view is history rather than the state to resume. */
export const RESUME_MAX_AGE_MS = 2 * 60_000;

function looksLikeView(value: unknown): value is Snapshot {
  if (typeof value !== 'object' || value === null) return false;
  const { seq, at, totals, compounds } = value as Record<string, unknown>;
  return typeof seq === 'number' && typeof at === 'number' && typeof totals === 'object' && totals !== null && Array.isArray(compounds);
}

/** The saved state if it is readable and recent at `now`; null otherwise. */
export function readResume(json: string | null, now: number): ResumeState | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { savedAt, lang, view } = value as Record<string, unknown>;
  if (typeof savedAt !== 'number' || now - savedAt < 0 || now - savedAt > RESUME_MAX_AGE_MS) return null;
  if (typeof lang !== 'string' || !isLang(lang) || !looksLikeView(view)) return null;
  return { savedAt, lang, view };
}
