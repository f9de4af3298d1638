// What testers' tools, the performance readout and browser tests read from the running store
// (window.__wallStore): the main-thread time per delta, the sequence number on screen, and how
// often the wall fell out of step with the relay. Read-only.
import type { DeltaTimingSummary } from './deltaTiming.ts';
import type { SyncStats } from '../../relay/protocol/snapshotSync.ts';

export interface WallStoreProbe {
  deltaTiming(): DeltaTimingSummary;
  /** Sequence number of the view on screen; null before the first snapshot. */
  seq(): number | null;
  sync(): SyncStats;
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
