// Shared by the state tests: the committed pack, a clock in Shanghai time, and an event builder
// that fills in what the validator would (source, default severity, status).
import { loadPack } from '../../../geo/loadPack.ts';
import { buildPackIndex, type PackIndex } from '../../../geo/packIndex.ts';
import type { CaseStep } from '../../../relay/contract/cases.ts';
import type { ShiquanEvent } from '../../../relay/contract/event.ts';
import { KIND_INFO, isCaseKind } from '../../../relay/contract/kinds.ts';
import type { StateOptions } from '../../../relay/state/config.ts';
import { createState, type RelayState } from '../../../relay/state/state.ts';

export const INDEX: PackIndex = buildPackIndex(await loadPack());
export const COMPOUND_IDS = [...INDEX.compounds.keys()].sort();

export function compoundAt(i: number): string {
  const id = COMPOUND_IDS[i];
  if (id === undefined) throw new Error(`the pack has no compound #${i}`);
  return id;
}

/** Epoch ms of a wall-clock time in Shanghai, 'YYYY-MM-DD HH:mm' or 'YYYY-MM-DD HH:mm:ss.sss'. */
export function shanghai(local: string): number {
  const [date, time = '00:00'] = local.split(' ');
  const ms = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}+08:00`);
  if (Number.isNaN(ms)) throw new Error(`bad local time ${local}`);
  return ms;
}

export const NOON = shanghai('2024-05-01 12:00');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

let lastId = 0;

/** An accepted event: a critical smoke alarm at noon in the first compound unless told otherwise. */
export function event(fields: Partial<ShiquanEvent> = {}): ShiquanEvent {
  const kind = fields.kind ?? 'smoke';
  const info = KIND_INFO[kind];
  return {
    id: `evt-${++lastId}`,
    ts: NOON,
    source: info.source,
    kind,
    compoundId: compoundAt(0),
    lng: null,
    lat: null,
    severity: info.severity,
    status: info.incident || isCaseKind(kind) ? 'open' : null,
    ref: null,
    deviceId: null,
    note: null,
    step: null,
    ...fields,
  };
}

/** The closed follow-up of an incident's opening event. */
export function closing(opened: ShiquanEvent, ts: number): ShiquanEvent {
  const { kind, compoundId } = opened;
  return event({ kind, compoundId, status: 'closed', ref: opened.id, ts });
}

/** A step of a grid or hotline case, as the validator hands it over. */
export function stepOf(opened: ShiquanEvent, step: CaseStep, ts: number): ShiquanEvent {
  const { kind, compoundId } = opened;
  const status = step.stage === 'closed' ? 'closed' : null;
  return event({ id: `${opened.id}-${step.stage}`, kind, compoundId, status, ref: opened.id, step, ts });
}

export function newState(now: number = NOON, options: StateOptions = {}): RelayState {
  return createState(INDEX, now, options);
}
