// Building contract events from a kind's plan: where (a compound id, or a point inside it,
// sometimes in GCJ-02), which device, and the `closed` follow-up of an incident.
import { wgs84ToGcj02 } from '../../geo/gcj02.ts';
import type { Random } from '../../geo/generate/random.ts';
import type { Kind, ProducerEvent, Source } from '../../relay/contract/index.ts';
import type { LocatedSpec } from '../profile/schema.ts';
import type { CompoundPicker, SimCompound } from './compounds.ts';
import { closedId } from './ids.ts';
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
export function openEvent(plan: KindPlan, compound: SimCompound, id: string, ts: string, random: Random): ProducerEvent {
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
  if (plan.incident) event.status = 'open';
  if (plan.devicesPerCompound) {
    event.deviceId = `${compound.id}-${plan.kind}-${random.int(1, plan.devicesPerCompound)}`;
  }
  return event;
}

/** The `closed` follow-up of `open`: same place and device, so it is attributed the same way. */
export function closeEvent(open: ProducerEvent, ts: string): ProducerEvent {
  const event: ProducerEvent = { id: closedId(open.id), ts, kind: open.kind };
  if (open.compoundId !== undefined) event.compoundId = open.compoundId;
  if (open.lng !== undefined) event.lng = open.lng;
  if (open.lat !== undefined) event.lat = open.lat;
  if (open.crs !== undefined) event.crs = open.crs;
  event.status = 'closed';
  event.ref = open.id;
  if (open.deviceId !== undefined) event.deviceId = open.deviceId;
  return event;
}

/** An incident waiting for its follow-up. */
export interface PendingClose {
  ts: number;
  /** Insertion order: breaks ties between follow-ups due on the same millisecond. */
  seq: number;
  open: ProducerEvent;
}

export const closesFirst = (a: PendingClose, b: PendingClose): boolean => a.ts < b.ts || (a.ts === b.ts && a.seq < b.seq);
