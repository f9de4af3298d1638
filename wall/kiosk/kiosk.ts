// The 24/7 kiosk around a running wall: the view saved by the last self-reload is shown at once,
// a new build reloads the page, and the watchdog reloads it when rendering stalls, the heap
// passes its limit or the map's WebGL context is lost — at most once per guard window, so a
// fault that survives a reload cannot loop it. Every self-reload saves the live view first.
import type { Snapshot } from '../../relay/protocol/snapshot.ts';
import type { Lang } from '../i18n/lang.ts';
import { watchForNewBuild } from './buildWatcher.ts';
import type { KioskParams } from './kioskParams.ts';
import { reloadHistory, takeResume } from './kioskSession.ts';
import { watchdogReloadAllowed, type ReloadRecord, type WatchdogReason } from './reloadRecords.ts';
import { watchRendering } from './renderWatchdog.ts';
import { selfReload } from './selfReload.ts';

/** What the kiosk needs of the wall's store. */
export interface KioskStore {
  readonly liveView: Snapshot | null;
  readonly lang: Lang;
  /** Shows a view saved before a self-reload until the relay's snapshot replaces it. */
  resume(view: Snapshot, lang: Lang, savedAt: number): void;
}

/** What testers and browser tests read (window.__wallKiosk). */
export interface KioskProbe {
  /** This tab's self-reloads, oldest first (bounded). */
  reloads: ReloadRecord[];
  /** The first watchdog fault on this page that the loop guard held back; null if none. */
  held: ReloadRecord | null;
  /** savedAt of the view resumed on start; null when the page started empty. */
  resumedFrom: number | null;
}

declare global {
  interface Window {
    __wallKiosk?: KioskProbe;
  }
}

/** The page's own build: its module entry as the browser resolved it; none under Vite's dev server. */
function ownEntry(): string | null {
  if (import.meta.hot) return null;
  return document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src ?? null;
}

/** Starts the kiosk for `store` with the URL's settings; returns the stop function. */
export function startKiosk(store: KioskStore, params: KioskParams): () => void {
  const history = reloadHistory();
  const probe: KioskProbe = { reloads: history, held: null, resumedFrom: null };
  window.__wallKiosk = probe;

  const resume = takeResume(Date.now());
  if (resume) {
    store.resume(resume.view, resume.lang, resume.savedAt);
    probe.resumedFrom = resume.savedAt;
  }

  const reload = (record: ReloadRecord) => {
    stop();
    const view = store.liveView;
    selfReload(record, view ? { savedAt: record.at, lang: store.lang, view } : null);
  };
  const onFault = (reason: WatchdogReason) => {
    const at = Date.now();
    if (watchdogReloadAllowed(history, at)) return reload({ reason, at });
    if (probe.held !== null) return;
    probe.held = { reason, at };
    console.warn(JSON.stringify({ wall: 'kiosk', event: 'reload-held', reason, at }));
  };

  const stopWatchdog = watchRendering({ heapLimitBytes: params.heapLimitBytes, onFault });
  const entry = ownEntry();
  const stopBuildWatch = entry
    ? watchForNewBuild({
        indexUrl: new URL('./', location.href).href,
        ownEntry: entry,
        everyMs: params.buildCheckMs,
        history,
        onNewBuild: (servedEntry) => reload({ reason: 'build', at: Date.now(), entry: servedEntry }),
      })
    : () => {};

  function stop() {
    stopWatchdog();
    stopBuildWatch();
    delete window.__wallKiosk;
  }
  return stop;
}
