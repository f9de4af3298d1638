// What testers' tools and browser tests read from the running store (window.__wallStore): the
// main-thread time per delta and the sequence number on screen. Read-only.
import type { DeltaTimingSummary } from './deltaTiming.ts';

export interface WallStoreProbe {
  deltaTiming(): DeltaTimingSummary;
  /** Sequence number of the view on screen; null before the first snapshot. */
  seq(): number | null;
}

declare global {
  interface Window {
    __wallStore?: WallStoreProbe;
  }
}

export function exposeStoreProbe(probe: WallStoreProbe): () => void {
  window.__wallStore = probe;
  return () => {
    delete window.__wallStore;
  };
}
