// Why the page reloaded itself, kept across reloads (in sessionStorage, by the edge) so that a
// reload loop can be stopped and testers can read the reason. Pure: the history is a short list.
export type ReloadReason = 'build' | 'stall' | 'heap' | 'context-lost';
export type WatchdogReason = Exclude<ReloadReason, 'build'>;

export interface ReloadRecord {
  reason: ReloadReason;
  /** Epoch ms of the reload. */
  at: number;
  /** For a new build: the module entry it reloaded for. */
  entry?: string;
}

/** At most one watchdog reload in this long: a fault that survives a reload must not loop it. */
export const WATCHDOG_GUARD_MS = 5 * 60_000;
/** Records kept; enough for the guards, bounded for a page that runs for days. */
export const RECORDS_KEPT = 10;

const REASONS: readonly ReloadReason[] = ['build', 'stall', 'heap', 'context-lost'];

function isRecord(value: unknown): value is ReloadRecord {
  if (typeof value !== 'object' || value === null) return false;
  const { reason, at, entry } = value as Record<string, unknown>;
  return REASONS.includes(reason as ReloadReason) && typeof at === 'number' && (entry === undefined || typeof entry === 'string');
}

/** The history as stored; anything unreadable counts as none. */
export function parseRecords(json: string | null): ReloadRecord[] {
  if (json === null) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter(isRecord).slice(-RECORDS_KEPT) : [];
  } catch {
    return [];
  }
}

export function withRecord(history: readonly ReloadRecord[], record: ReloadRecord): ReloadRecord[] {
  return [...history, record].slice(-RECORDS_KEPT);
}

/** Whether the watchdog may reload now. A record from before a clock was set back holds nothing. */
export function watchdogReloadAllowed(history: readonly ReloadRecord[], now: number): boolean {
  return !history.some(({ reason, at }) => reason !== 'build' && now - at >= 0 && now - at < WATCHDOG_GUARD_MS);
}
