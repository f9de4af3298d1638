// Contract v1's gate: turns an untrusted message value into a ShiquanEvent or a precise reject
// reason. Strict on purpose — nothing unexpected may reach a screen — and it never throws.
import { gcj02ToWgs84 } from '../../geo/gcj02.ts';
import { CASE_FIELDS, CASE_STAGES, STAGE_OUTCOMES, type CaseStage, type CaseStep } from './cases.ts';
import { COORDINATE_SYSTEMS, WIRE_FIELDS, type ShiquanEvent, type WireField } from './event.ts';
import {
  INCIDENT_STATUSES,
  KIND_INFO,
  SEVERITIES,
  isCaseSource,
  isKind,
  type CaseSource,
  type IncidentStatus,
  type Kind,
  type Source,
} from './kinds.ts';
import { readRawInput } from './rawInput.ts';
import { Rejection, quote, reject, typeName, type RejectReason } from './reasons.ts';
import { parseEventTime } from './timestamp.ts';

export interface ValidationContext {
  /** The source of the topic the message came from; the kind must belong to it. */
  source?: Source;
  /** Epoch ms the event time is judged against. */
  now: number;
  maxPastMs?: number;
  maxFutureMs?: number;
  hasCompound(id: string): boolean;
  /** WGS84 position → id of the compound containing it, or null. */
  locate(lng: number, lat: number): string | null;
}

export type ValidationResult =
  | { ok: true; event: ShiquanEvent }
  | { ok: false; reason: RejectReason; detail: string };

// 35 days lets a relay or the simulator replay last month; 5 minutes tolerates clock skew.
export const DEFAULT_MAX_PAST_MS = 35 * 24 * 60 * 60_000;
export const DEFAULT_MAX_FUTURE_MS = 5 * 60_000;
export const MAX_IDENTIFIER_CHARS = 64;
export const MAX_NOTE_CHARS = 280;

type WireRecord = Readonly<Record<string, unknown>>;

const ALLOWED_FIELDS: ReadonlySet<string> = new Set(WIRE_FIELDS);
const CASE_ONLY_FIELDS: ReadonlySet<string> = new Set(CASE_FIELDS);
const CONTROL_CHAR = /\p{Cc}/u; // C0 controls, DEL and C1 controls
const LONE_SURROGATE = /\p{Cs}/u;

/** Case fields are unknown on the topics of the other sources, exactly as before they existed. */
function toRecord(value: unknown, ctx: ValidationContext): WireRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return reject('not_object', `expected a JSON object, got ${typeName(value)}`);
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    return reject('not_object', 'expected a plain object');
  }
  // JSON.parse stores "__proto__" as an own key, so it is refused here and never sets a prototype.
  const caseTopic = ctx.source === undefined || isCaseSource(ctx.source);
  for (const key of Object.keys(value)) {
    if (!ALLOWED_FIELDS.has(key) || (!caseTopic && CASE_ONLY_FIELDS.has(key))) {
      reject('unknown_field', `unknown field ${quote(key)}`);
    }
  }
  return value as WireRecord;
}

/** An own field's value; null counts as absent, as producers often write absent fields as null. */
function field(record: WireRecord, name: WireField): unknown {
  return Object.hasOwn(record, name) ? (record[name] ?? undefined) : undefined;
}

function wrongType(name: WireField, expected: string, value: unknown): never {
  return reject('wrong_type', `${name} must be ${expected}, got ${typeName(value)}`);
}

function stringField(record: WireRecord, name: WireField): string | undefined {
  const value = field(record, name);
  if (value === undefined) return undefined;
  if (typeof value !== 'string') wrongType(name, 'a string', value);
  if (LONE_SURROGATE.test(value)) reject('bad_encoding', `${name} holds an unpaired surrogate`);
  return value;
}

/**
 * Counts code points, so text is measured in characters, not UTF-16 units. Only for strings
 * from stringField: with no lone surrogates, each high surrogate starts one two-unit character.
 */
function longerThan(text: string, maxChars: number): boolean {
  if (text.length <= maxChars) return false;
  let chars = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) chars--;
  }
  return chars > maxChars;
}

function identifierField(
  record: WireRecord,
  name: WireField,
  reason: RejectReason,
): string | undefined {
  const value = stringField(record, name);
  if (value === undefined) return undefined;
  if (value === '' || CONTROL_CHAR.test(value) || longerThan(value, MAX_IDENTIFIER_CHARS)) {
    const rule = `1–${MAX_IDENTIFIER_CHARS} characters without control characters`;
    reject(reason, `${name} must be ${rule}, got ${quote(value)}`);
  }
  return value;
}

function enumField<T extends string>(
  record: WireRecord,
  name: WireField,
  values: readonly T[],
  reason: RejectReason,
): T | undefined {
  const value = stringField(record, name);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    reject(reason, `${name} must be one of ${values.join(', ')}, got ${quote(value)}`);
  }
  return value as T;
}

function readId(record: WireRecord): string {
  return identifierField(record, 'id', 'bad_id') ?? reject('missing_id', 'id is required');
}

function readTime(record: WireRecord, ctx: ValidationContext): number {
  const value = field(record, 'ts');
  if (value === undefined) return reject('missing_ts', 'ts is required');
  if (typeof value !== 'string' && typeof value !== 'number') {
    wrongType('ts', 'a string or a number', value);
  }
  const ts = parseEventTime(value);
  if (ts === null) {
    return reject(
      'bad_ts',
      `ts must be ISO-8601 with an offset (Z or ±hh:mm) or integer epoch ms, got ${quote(value)}`,
    );
  }
  const earliest = ctx.now - (ctx.maxPastMs ?? DEFAULT_MAX_PAST_MS);
  const latest = ctx.now + (ctx.maxFutureMs ?? DEFAULT_MAX_FUTURE_MS);
  if (!(ts >= earliest && ts <= latest)) {
    const allowed = `${new Date(earliest).toISOString()} … ${new Date(latest).toISOString()}`;
    reject('ts_out_of_range', `ts ${quote(value)} is outside ${allowed}`);
  }
  return ts;
}

function readKind(record: WireRecord, ctx: ValidationContext): Kind {
  const value = stringField(record, 'kind');
  if (value === undefined) return reject('missing_kind', 'kind is required');
  if (!isKind(value)) return reject('unknown_kind', `unknown kind ${quote(value)}`);
  const { source } = KIND_INFO[value];
  if (ctx.source !== undefined && source !== ctx.source) {
    reject('kind_not_in_topic', `kind ${quote(value)} is a ${source} kind, not a ${ctx.source} one`);
  }
  return value;
}

function coordinate(record: WireRecord, name: 'lng' | 'lat', limit: number): number {
  const value = field(record, name);
  if (typeof value !== 'number') return wrongType(name, 'a number', value);
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    const rule = `a finite number within ±${limit}`;
    reject('bad_coordinates', `${name} must be ${rule}, got ${quote(value)}`);
  }
  return value;
}

/** The event's position converted to WGS84, or null when it gives none. */
function readPosition(record: WireRecord): [number, number] | null {
  const hasLng = field(record, 'lng') !== undefined;
  const hasLat = field(record, 'lat') !== undefined;
  const crs = enumField(record, 'crs', COORDINATE_SYSTEMS, 'bad_crs') ?? 'wgs84';
  if (!hasLng && !hasLat) return null;
  if (hasLng !== hasLat) reject('bad_coordinates', 'lng and lat must be given together');
  const lng = coordinate(record, 'lng', 180);
  const lat = coordinate(record, 'lat', 90);
  return crs === 'gcj02' ? gcj02ToWgs84(lng, lat) : [lng, lat];
}

/** The compound the event belongs to: its own compoundId when given, else the one at its position. */
function attribute(
  record: WireRecord,
  position: [number, number] | null,
  ctx: ValidationContext,
): string {
  const compoundId = stringField(record, 'compoundId');
  if (compoundId !== undefined) {
    if (!ctx.hasCompound(compoundId)) {
      reject('unknown_compound', `compound ${quote(compoundId)} is not in the geography pack`);
    }
    return compoundId;
  }
  if (position === null) return reject('missing_location', 'give compoundId or lng and lat');
  const [lng, lat] = position;
  return (
    ctx.locate(lng, lat) ??
    reject('outside_area', `position ${lng.toFixed(6)}, ${lat.toFixed(6)} is in no compound`)
  );
}

function readStatus(record: WireRecord, kind: Kind): IncidentStatus | null {
  const status = enumField(record, 'status', INCIDENT_STATUSES, 'bad_status');
  if (KIND_INFO[kind].incident) return status ?? 'open';
  if (status !== undefined) {
    reject('status_not_allowed', `kind ${quote(kind)} is not an incident and takes no status`);
  }
  return null;
}

function booleanField(record: WireRecord, name: WireField): boolean | undefined {
  const value = field(record, name);
  if (value !== undefined && typeof value !== 'boolean') wrongType(name, 'true or false', value);
  return value as boolean | undefined;
}

/** The outcome fields of a step: those its stage requires, present; any other, absent. */
function readOutcomes(record: WireRecord, stage: CaseStage | null): Record<string, boolean> {
  const required: readonly string[] = (stage && STAGE_OUTCOMES[stage]) ?? [];
  const outcomes: Record<string, boolean> = {};
  for (const name of ['onTime', 'resolved', 'satisfied'] as const) {
    const value = booleanField(record, name);
    const where = stage === null ? 'an opening' : `a ${stage} step`;
    if (value === undefined && required.includes(name)) reject('missing_outcome', `${where} must carry ${name} (true or false)`);
    if (value !== undefined && !required.includes(name)) reject('outcome_not_allowed', `${where} takes no ${name}`);
    if (value !== undefined) outcomes[name] = value;
  }
  return outcomes;
}

/**
 * Status and step of a grid or hotline event (relay/contract/cases.ts): without `ref` it opens a
 * case; with `ref` it is a step of that case and says its `stage`.
 */
function readCase(record: WireRecord, source: CaseSource, ref: string | null): { status: IncidentStatus | null; step: CaseStep | null } {
  const status = enumField(record, 'status', INCIDENT_STATUSES, 'bad_status');
  const stage = stringField(record, 'stage');
  if (ref === null) {
    const opening = 'a case opens without ref; its steps must carry ref, the id of the case';
    if (stage !== undefined || status === 'closed') reject('missing_ref', opening);
    readOutcomes(record, null);
    return { status: 'open', step: null };
  }
  const stages: readonly string[] = CASE_STAGES[source];
  if (stage === undefined) reject('missing_stage', `a step of a ${source} case must carry stage: ${stages.join(', ')}`);
  if (!stages.includes(stage)) {
    reject('bad_stage', `stage must be one of ${stages.join(', ')} for a ${source} case, got ${quote(stage)}`);
  }
  if (stage === 'closed' ? status !== 'closed' : status !== undefined) {
    const rule = stage === 'closed' ? 'a closed step must carry status "closed"' : `a ${stage} step takes no status`;
    reject('bad_case_status', status === undefined ? rule : `${rule}, got ${quote(status)}`);
  }
  const step = { stage, ...readOutcomes(record, stage as CaseStage) } as CaseStep;
  return { status: stage === 'closed' ? 'closed' : null, step };
}

function refuseCaseFields(record: WireRecord, kind: Kind): void {
  const present = CASE_FIELDS.find((name) => field(record, name) !== undefined);
  if (present) reject('unknown_field', `unknown field ${quote(present)} (only grid and hotline kinds take it, not ${quote(kind)})`);
}

function readNote(record: WireRecord): string | undefined {
  const note = stringField(record, 'note');
  if (note !== undefined && longerThan(note, MAX_NOTE_CHARS)) {
    reject('note_too_long', `note must be at most ${MAX_NOTE_CHARS} characters`);
  }
  return note;
}

function readEvent(input: unknown, ctx: ValidationContext): ShiquanEvent {
  const record = toRecord(readRawInput(input), ctx);
  const id = readId(record);
  const ts = readTime(record, ctx);
  const kind = readKind(record, ctx);
  const position = readPosition(record);
  const severity =
    enumField(record, 'severity', SEVERITIES, 'bad_severity') ?? KIND_INFO[kind].severity;
  const { source } = KIND_INFO[kind];
  let status: IncidentStatus | null;
  let ref: string | null;
  let step: CaseStep | null = null;
  if (isCaseSource(source)) {
    ref = identifierField(record, 'ref', 'bad_ref') ?? null;
    ({ status, step } = readCase(record, source, ref));
  } else {
    status = readStatus(record, kind);
    ref = identifierField(record, 'ref', 'bad_ref') ?? null;
    if (status === 'closed' && ref === null) {
      reject('missing_ref', 'a closed event must carry ref, the id of the event that opened it');
    }
    refuseCaseFields(record, kind);
  }
  const deviceId = identifierField(record, 'deviceId', 'bad_device_id') ?? null;
  const note = readNote(record) ?? null;
  // Lookups in the geography pack come last: they are the only calls out of this module.
  const compoundId = attribute(record, position, ctx);
  return {
    id,
    ts,
    source,
    kind,
    compoundId,
    lng: position?.[0] ?? null,
    lat: position?.[1] ?? null,
    severity,
    status,
    ref,
    deviceId,
    note,
    step,
  };
}

const MAX_ERROR_DETAIL = 200;

function describeError(error: unknown): string {
  try {
    const text = error instanceof Error ? error.message : String(error);
    return text.split('\n', 1)[0]?.slice(0, MAX_ERROR_DETAIL) ?? '';
  } catch {
    return 'an unprintable error';
  }
}

/**
 * Validates and normalises one message value: bytes or a string as read from a topic, or an
 * already parsed value. Never throws: a bug or a throwing lookup becomes `internal_error`.
 */
export function validateEvent(input: unknown, ctx: ValidationContext): ValidationResult {
  try {
    return { ok: true, event: readEvent(input, ctx) };
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, reason: error.reason, detail: error.detail };
    return { ok: false, reason: 'internal_error', detail: describeError(error) };
  }
}
