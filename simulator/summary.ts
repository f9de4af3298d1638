// The one line a run prints on stderr when it ends.
import { SOURCES } from '../relay/contract/index.ts';
import type { RunResult } from './run.ts';

const count = (n: number) => n.toLocaleString('en-US');

/** e.g. `simulate: 54,542 events to out.ndjson in 1.2 s (45,118/s, historical timestamps): sensor 49,… (23,… closed), alarm110 …` */
export function formatSummary(result: RunResult, targetName: string): string {
  const { truth, elapsedMs, timestamps } = result;
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(truth.events / seconds) : truth.events;
  const sources = SOURCES.filter((source) => truth.bySource[source].events > 0).map((source) => {
    const { events, closed } = truth.bySource[source];
    return `${source} ${count(events)}${closed > 0 ? ` (${count(closed)} closed)` : ''}`;
  });
  const head = `simulate: ${count(truth.events)} events to ${targetName} in ${seconds.toFixed(1)} s (${count(rate)}/s, ${timestamps} timestamps)`;
  return sources.length > 0 ? `${head}: ${sources.join(', ')}` : head;
}
