// Incident lifecycle: an incident-kind event with status `open` opens an incident under its own
// id; a `closed` event closes the incident its `ref` names. Messages of different compounds or
// topics can arrive out of order, so a close whose incident is not open yet waits (bounded) and
// closes the incident the moment its open arrives. Both maps are bounded: past the maximum, the
// earliest-arrived entry is dropped.
import type { Kind, Severity } from '../contract/kinds.ts';
import type { OpenView } from '../protocol/snapshot.ts';
import { countClosed, countOpened, createOpenSummary, openView, type OpenSummary } from './openSummary.ts';

export interface OpenIncident {
  id: string;
  compoundId: string;
  kind: Kind;
  severity: Severity;
  openedAt: number;
  /** Local date whose figures counted the open (for that day's closure rate). */
  openedOn: string;
}

export interface Incidents {
  open: Map<string, OpenIncident>;
  /** ref → time of a close that came before its open. */
  pendingCloses: Map<string, number>;
  maxOpen: number;
  maxPending: number;
  evicted: number;
  /** Whether the open set changed since the last delta. */
  touched: boolean;
  /** The open incidents' counts by severity and age, kept as they open and close. */
  summary: OpenSummary;
}

export function createIncidents(maxOpen: number, maxPending: number): Incidents {
  const open = new Map<string, OpenIncident>();
  return { open, pendingCloses: new Map(), maxOpen, maxPending, evicted: 0, touched: false, summary: createOpenSummary() };
}

export type OpenOutcome =
  /** Its close had come first: the incident is closed at that time and never open. */
  | { result: 'closed'; closedAt: number }
  /** Open now; `evicted` is the incident dropped to stay within the maximum, if any. */
  | { result: 'opened'; evicted: OpenIncident | null }
  /** A replay older than the dedup window: it is open already and nothing changes. */
  | { result: 'already_open' };

export function openIncident(incidents: Incidents, incident: OpenIncident): OpenOutcome {
  const closedAt = incidents.pendingCloses.get(incident.id);
  if (closedAt !== undefined) {
    incidents.pendingCloses.delete(incident.id);
    return { result: 'closed', closedAt };
  }
  if (incidents.open.has(incident.id)) return { result: 'already_open' };
  incidents.open.set(incident.id, incident);
  countOpened(incidents.summary, incident);
  incidents.touched = true;
  if (incidents.open.size <= incidents.maxOpen) return { result: 'opened', evicted: null };
  const [earliest] = incidents.open.values();
  if (!earliest) return { result: 'opened', evicted: null };
  incidents.open.delete(earliest.id);
  countClosed(incidents.summary, earliest);
  incidents.evicted++;
  return { result: 'opened', evicted: earliest };
}

/** Closes the incident `ref` names and returns it; null when it is not open (the close waits). */
export function closeIncident(
  incidents: Incidents,
  ref: string,
  closedAt: number,
): OpenIncident | null {
  const incident = incidents.open.get(ref);
  if (incident) {
    incidents.open.delete(ref);
    countClosed(incidents.summary, incident);
    incidents.touched = true;
    return incident;
  }
  if (!incidents.pendingCloses.has(ref)) {
    incidents.pendingCloses.set(ref, closedAt);
    if (incidents.pendingCloses.size > incidents.maxPending) {
      const [earliest] = incidents.pendingCloses.keys();
      if (earliest !== undefined) incidents.pendingCloses.delete(earliest);
    }
  }
  return null;
}

/** Open count, by severity and by age at `now` (openSummary.ts). */
export function summariseOpen(incidents: Incidents, now: number): OpenView {
  return openView(incidents.summary, incidents.open.values(), incidents.open.size, now, incidents.evicted);
}
