// Valid upstream traffic for the fault tests, and the figures the relay must show for it: mostly
// passes, incidents from all three sources, and closes of earlier incidents (which close, not
// count), spread over the 80 compounds. An incident and its close share a compound, so they
// share a partition and arrive in order.
import { KIND_INFO, SOURCES, type Kind, type ProducerEvent, type Source } from '../../../relay/contract/index.ts';
import { COMPOUNDS, eventOf } from '../../integration/support/events.ts';

// Ten events a cycle: five passes, four incidents (one per source and a second sensor one), and
// the close of the first incident of the cycle.
const CYCLE: readonly Kind[] = ['face_access', 'person_pass', 'vehicle_pass', 'face_access', 'person_pass', 'door_open', 'smoke', 'street_vendor', 'theft'];
const CLOSES_BACK = 4;

/** Event number n of a steady mix; keeps the ids of recent incidents to close them. */
export function trafficMaker(): (n: number) => ProducerEvent {
  const opened = new Map<number, ProducerEvent>();
  return (n) => {
    const slot = n % (CYCLE.length + 1);
    if (slot === CYCLE.length) {
      const incident = opened.get(n - CLOSES_BACK);
      opened.clear();
      if (incident) return eventOf(incident.kind, { compoundId: incident.compoundId!, status: 'closed', ref: incident.id });
    }
    const event = eventOf(CYCLE[slot % CYCLE.length]!, { compoundId: COMPOUNDS[(n * 7) % COMPOUNDS.length]! });
    if (slot === 5) opened.set(n, event);
    return event;
  };
}

export interface ExpectedFigures {
  totals: Record<Source, number>;
  byKind: Partial<Record<Kind, number>>;
  /** Incidents opened and not closed. */
  open: number;
}

/** What the relay shows for these events, each counted once (closes close, they do not count). */
export function expectedFigures(events: readonly ProducerEvent[]): ExpectedFigures {
  const totals = Object.fromEntries(SOURCES.map((source) => [source, 0])) as Record<Source, number>;
  const byKind: Partial<Record<Kind, number>> = {};
  let open = 0;
  for (const event of events) {
    if (event.status === 'closed') {
      open--;
      continue;
    }
    totals[KIND_INFO[event.kind].source]++;
    byKind[event.kind] = (byKind[event.kind] ?? 0) + 1;
    if (KIND_INFO[event.kind].incident) open++;
  }
  return { totals, byKind, open };
}

export const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
