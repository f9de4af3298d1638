// Notices a new build of the wall: every so often it fetches the served index.html past every
// cache and compares the module entry it names with the page's own. It reports a new entry only
// once the entry's file is there too (a deploy may write index.html before the assets). An edge;
// a relay that does not answer is no reason to reload.
import { buildReloadDue, moduleEntry } from './buildEntry.ts';
import type { ReloadRecord } from './reloadRecords.ts';

/** A relay slower than this to answer is asked again at the next check (checks never overlap). */
const FETCH_TIMEOUT_MS = 10_000;

export interface BuildWatch {
  indexUrl: string;
  /** The page's own entry (absolute URL). */
  ownEntry: string;
  everyMs: number;
  history: readonly ReloadRecord[];
  onNewBuild(entry: string): void;
}

async function servedEntry(indexUrl: string): Promise<string | null> {
  const response = await fetch(indexUrl, { cache: 'no-store', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  return response.ok ? moduleEntry(await response.text(), response.url || indexUrl) : null;
}

async function isThere(url: string): Promise<boolean> {
  const response = await fetch(url, { method: 'HEAD', cache: 'no-store', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  return response.ok;
}

/** Starts watching; returns the stop function. */
export function watchForNewBuild({ indexUrl, ownEntry, everyMs, history, onNewBuild }: BuildWatch): () => void {
  let checking = false;
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      const entry = await servedEntry(indexUrl);
      if (buildReloadDue(ownEntry, entry, history) && (await isThere(entry))) onNewBuild(entry);
    } catch {
      // The relay is down or slow: the wall says so itself; the next check tries again.
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), everyMs);
  return () => clearInterval(timer);
}
