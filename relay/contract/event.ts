// The two shapes of an event: what arrives on a topic (untrusted) and what the relay keeps and
// the wall shows once the validator has accepted and normalised it.
import type { CaseStage, CaseStep } from './cases.ts';
import type { IncidentStatus, Kind, Severity, Source } from './kinds.ts';

/**
 * Every top-level field contract v1 allows; any other field rejects the event. The last four
 * belong to grid and hotline case steps (relay/contract/cases.ts): on any other kind, or on a
 * topic of another source, they are unknown fields as before.
 */
export const WIRE_FIELDS = [
  'id',
  'ts',
  'kind',
  'compoundId',
  'lng',
  'lat',
  'crs',
  'severity',
  'status',
  'ref',
  'deviceId',
  'note',
  'stage',
  'onTime',
  'resolved',
  'satisfied',
] as const;
export type WireField = (typeof WIRE_FIELDS)[number];

export const COORDINATE_SYSTEMS = ['wgs84', 'gcj02'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

/** A message value as received: any field may be missing or of any type. */
export type WireEvent = { [field in WireField]?: unknown };

/** What a conforming producer (the simulator, an adapter) publishes. */
export interface ProducerEvent {
  id: string;
  /** ISO-8601 with an offset (`Z` or `±hh:mm`), or epoch milliseconds. */
  ts: string | number;
  kind: Kind;
  /** Give `compoundId`, or `lng` + `lat`, or both (then `compoundId` wins for attribution). */
  compoundId?: string;
  lng?: number;
  lat?: number;
  crs?: CoordinateSystem;
  severity?: Severity;
  status?: IncidentStatus;
  /** Required with `status: 'closed'`: the id of the event that opened the incident. */
  ref?: string;
  deviceId?: string;
  note?: string;
  /** Grid and hotline steps: how far the case `ref` names has come. */
  stage?: CaseStage;
  /** Hotline `finished` steps: finished by the kind's deadline. */
  onTime?: boolean;
  /** Hotline `reviewed` steps: what the caller said when called back. */
  resolved?: boolean;
  satisfied?: boolean;
}

/** An accepted event: defaults applied, time in epoch ms, position in WGS84. */
export interface ShiquanEvent {
  id: string;
  /** Epoch milliseconds. */
  ts: number;
  source: Source;
  kind: Kind;
  compoundId: string;
  /** WGS84; null when the event gave only a compound id. */
  lng: number | null;
  lat: number | null;
  severity: Severity;
  /** null for kinds that are not incidents (passes, face access). */
  status: IncidentStatus | null;
  ref: string | null;
  deviceId: string | null;
  /** Free text: always rendered as text, never as HTML. */
  note: string | null;
  /** A grid or hotline step (`ref` names its case); null for everything else, openings included. */
  step: CaseStep | null;
}

/**
 * Follow-ups move an earlier event on (an incident's `closed`, every step of a case); the relay
 * counts only the other events in its totals.
 */
export function isFollowUp(event: Pick<ProducerEvent, 'status' | 'stage'>): boolean {
  return event.status === 'closed' || event.stage !== undefined;
}
