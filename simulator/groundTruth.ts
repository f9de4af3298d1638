// What a run sent, counted as it is sent: the report compares what walls and the relay saw
// against these numbers. Pure; the run loop feeds it every event it hands to the target.
import { isCaseKind, KIND_INFO, perSource, type Kind, type ProducerEvent, type Source } from '../relay/contract/index.ts';

export interface Tally {
  /** Every event. */
  events: number;
  /** Incident and case openings (on an incident kind, status open or absent; on a case kind, no ref). */
  opened: number;
  /** `closed` follow-ups, of incidents and of cases. */
  closed: number;
  /** The other steps of cases (dispatched, handled, contacted, finished, reviewed). */
  steps: number;
}

export interface GroundTruth {
  events: number;
  bySource: Record<Source, Tally>;
  byKind: Partial<Record<Kind, Tally>>;
  /** Ids and timestamps (as sent) of the first and last event; null before any event. */
  first: { id: string; ts: string | number } | null;
  last: { id: string; ts: string | number } | null;
}

const emptyTally = (): Tally => ({ events: 0, opened: 0, closed: 0, steps: 0 });

function add(tally: Tally, event: ProducerEvent): void {
  tally.events++;
  if (event.status === 'closed') tally.closed++;
  else if (event.stage !== undefined) tally.steps++;
  else if (KIND_INFO[event.kind].incident || isCaseKind(event.kind)) tally.opened++;
}

export class GroundTruthRecorder {
  readonly #bySource = perSource(emptyTally);
  readonly #byKind = new Map<Kind, Tally>();
  #events = 0;
  #first: ProducerEvent | null = null;
  #last: ProducerEvent | null = null;

  record(event: ProducerEvent): void {
    this.#events++;
    add(this.#bySource[KIND_INFO[event.kind].source], event);
    let kind = this.#byKind.get(event.kind);
    if (!kind) this.#byKind.set(event.kind, (kind = emptyTally()));
    add(kind, event);
    this.#first ??= event;
    this.#last = event;
  }

  snapshot(): GroundTruth {
    const ends = (event: ProducerEvent | null) => (event ? { id: event.id, ts: event.ts } : null);
    return {
      events: this.#events,
      bySource: structuredClone(this.#bySource),
      byKind: Object.fromEntries([...this.#byKind].map(([kind, tally]) => [kind, { ...tally }])),
      first: ends(this.#first),
      last: ends(this.#last),
    };
  }
}
