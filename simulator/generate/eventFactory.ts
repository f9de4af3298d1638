// Building contract events from a kind's plan: where (a compound id, or a point inside it,
// sometimes in GCJ-02), which device, and the follow-ups: the `closed` of an incident, the steps
// of a grid or hotline case.
import { wgs84ToGcj02 } from '../../geo/gcj02.ts';
import type { Random } from '../../lib/random.ts';
import { isCaseKind, type CaseStep, type Kind, type ProducerEvent, type Source } from '../../relay/contract/index.ts';
import type { LocatedSpec } from '../profile/schema.ts';
import type { CompoundPicker, SimCompound } from './compounds.ts';
import { closedId, stepId } from './ids.ts';
import type { CloseDelay } from './lifecycle.ts';
import { pointInCompound, roundCoordinate } from './placement.ts';

/** What the generators know about one kind. */
export interface KindPlan {
  kind: Kind;
  source: Source;
  incident: boolean;
  picker: CompoundPicker;
  located: LocatedSpec;
  /** Devices of this kind per compound; none means events carry no deviceId. */
  devicesPerCompound?: number;
  /** Absent for kinds that are not incidents. */
  closeDelay?: CloseDelay;
}

/** A new event (an incident's opening, or a pass). Draws from `random` in a fixed order. */
export function openEvent(plan: KindPlan, compound: SimCompound, id: string, ts: string | number, random: Random): ProducerEvent {
  const event: ProducerEvent = { id, ts, kind: plan.kind };
  const wantsPoint = plan.located.share > 0 && random.between(0, 1) < plan.located.share;
  const point = wantsPoint ? pointInCompound(compound, random) : null;
  if (point) {
    if (plan.located.gcj02Share > 0 && random.between(0, 1) < plan.located.gcj02Share) {
      const [lng, lat] = wgs84ToGcj02(point[0], point[1]);
      event.lng = roundCoordinate(lng);
      event.lat = roundCoordinate(lat);
      event.crs = 'gcj02';
    } else {
      [event.lng, event.lat] = point;
    }
  } else {
    event.compoundId = compound.id;
  }
  if (plan.incident || isCaseKind(plan.kind)) event.status = 'open';
  if (plan.devicesPerCompound) {
    event.deviceId = `${compound.id}-${plan.kind}-${random.int(1, plan.devicesPerCompound)}`;
  }
  return event;
}

/** A follow-up of `open` with its id: same place and device, so it is attributed the same way. */
function followUpOf(open: ProducerEvent, id: string, ts: string | number): ProducerEvent {
  const event: ProducerEvent = { id, ts, kind: open.kind };
  if (open.compoundId !== undefined) event.compoundId = open.compoundId;
  if (open.lng !== undefined) event.lng = open.lng;
  if (open.lat !== undefined) event.lat = open.lat;
  if (open.crs !== undefined) event.crs = open.crs;
  return event;
}

/** The `closed` follow-up of an incident's opening. */
export function closeEvent(open: ProducerEvent, ts: string | number): ProducerEvent {
  const event = followUpOf(open, closedId(open.id), ts);
  event.status = 'closed';
  event.ref = open.id;
  if (open.deviceId !== undefined) event.deviceId = open.deviceId;
  return event;
}

/** A step of the case `open` opened, with the outcomes its stage carries. */
export function stepEvent(open: ProducerEvent, step: CaseStep, ts: string | number): ProducerEvent {
  const event = followUpOf(open, stepId(open.id, step.stage), ts);
  if (step.stage === 'closed') event.status = 'closed';
  event.ref = open.id;
  event.stage = step.stage;
  if (step.stage === 'finished') event.onTime = step.onTime;
  if (step.stage === 'reviewed') {
    event.resolved = step.resolved;
    event.satisfied = step.satisfied;
  }
  if (open.deviceId !== undefined) event.deviceId = open.deviceId;
  return event;
}

/** An incident waiting for its `closed`, or a case for its next step. */
export interface PendingFollowUp {
  ts: number;
  /** Insertion order: breaks ties between follow-ups due on the same millisecond. */
  seq: number;
  open: ProducerEvent;
  /** The case's step; absent for an incident's close. */
  step?: CaseStep;
}

export const followUpsFirst = (a: PendingFollowUp, b: PendingFollowUp): boolean => a.ts < b.ts || (a.ts === b.ts && a.seq < b.seq);

export function followUpEvent(pending: PendingFollowUp, ts: string | number): ProducerEvent {
  return pending.step ? stepEvent(pending.open, pending.step, ts) : closeEvent(pending.open, ts);
}
