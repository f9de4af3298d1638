// Event ids: unique, deterministic, and stable when a run is narrowed. A historical id names the
// seed, the source and the local day, and counts within that source's day, so the same event
// gets the same id whether the run covers one day or the whole window, one source or three.
import type { Source } from '../../relay/contract/index.ts';
import { compactDay } from './calendar.ts';

const SOURCE_TAGS: Readonly<Record<Source, string>> = { sensor: 'sen', camera: 'cam', alarm110: '110', grid: 'grd', hotline: 'hot' };

/** Ids of one local day's events, e.g. `sim-42-110-20180315-7` for the 8th 110 call of the day. */
export function dayIds(seed: number, day: number): (source: Source, n: number) => string {
  const stem = `sim-${seed}-`;
  const date = compactDay(day);
  return (source, n) => `${stem}${SOURCE_TAGS[source]}-${date}-${n}`;
}

/** e.g. `load-42-20240501T120000-123456`; the start time keeps two load runs apart. */
export function loadId(seed: number, startLabel: string, n: number): string {
  return `load-${seed}-${startLabel}-${n}`;
}

/** The follow-up that closes incident `ref`. */
export function closedId(ref: string): string {
  return `${ref}-closed`;
}

/** The step of case `ref` at a stage, e.g. `sim-1-grd-20180315-7-dispatched` (closing it: `…-closed`). */
export function stepId(ref: string, stage: string): string {
  return `${ref}-${stage}`;
}
