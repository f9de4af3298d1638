// The kiosk's memory across its own reloads, in this tab's sessionStorage: why it reloaded (the
// loop guards read it) and the state to resume, taken once. An edge; storage that refuses (full,
// disabled) costs the resume, never the reload.
import { parseRecords, withRecord, type ReloadRecord } from './reloadRecords.ts';
import { readResume, type ResumeState } from './resumeState.ts';

const RECORDS_KEY = 'wall.kiosk.reloads';
const RESUME_KEY = 'wall.kiosk.resume';

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch (error) {
    console.warn(JSON.stringify({ wall: 'kiosk', event: 'storage-refused', key, error: String(error) }));
  }
}

export function reloadHistory(): ReloadRecord[] {
  return parseRecords(read(RECORDS_KEY));
}

export function recordReload(record: ReloadRecord): void {
  write(RECORDS_KEY, JSON.stringify(withRecord(reloadHistory(), record)));
}

export function saveResume(state: ResumeState | null): void {
  write(RESUME_KEY, state === null ? null : JSON.stringify(state));
}

/** The saved state if recent, removed from storage either way: it serves one reload. */
export function takeResume(now: number): ResumeState | null {
  const state = readResume(read(RESUME_KEY), now);
  write(RESUME_KEY, null);
  return state;
}
