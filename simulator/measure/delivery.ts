// Delivered versus sent: the relay's counts since the run began against the ground truth. Only
// events the relay counts are compared — every event except follow-ups (closes, case steps). Losses and
// double counts are summed kind by kind, so a loss in one kind never hides a double count in
// another. Pure.
import { KIND_INFO, KINDS, SOURCES, type Kind, type Source } from '../../relay/contract/index.ts';
import type { GroundTruth, Tally } from '../groundTruth.ts';
import type { Counted } from './relayCounts.ts';

export interface DeliveryRow {
  sent: number;
  delivered: number;
  /** sent − delivered, when positive. */
  loss: number;
  /** delivered − sent, when positive: double counts (or events from another producer). */
  dup: number;
}

export interface Delivery {
  total: DeliveryRow;
  bySource: Record<Source, DeliveryRow>;
  /** Kinds that were sent or counted. */
  byKind: Partial<Record<Kind, DeliveryRow>>;
}

const counted = (tally: Tally | undefined) => (tally ? tally.events - tally.closed - tally.steps : 0);

const emptyRow = (): DeliveryRow => ({ sent: 0, delivered: 0, loss: 0, dup: 0 });

function addTo(sum: DeliveryRow, row: DeliveryRow): void {
  sum.sent += row.sent;
  sum.delivered += row.delivered;
  sum.loss += row.loss;
  sum.dup += row.dup;
}

export function compareDelivery(truth: GroundTruth, delivered: Counted): Delivery {
  const total = emptyRow();
  const bySource = Object.fromEntries(SOURCES.map((source) => [source, emptyRow()])) as Record<Source, DeliveryRow>;
  const byKind: Partial<Record<Kind, DeliveryRow>> = {};
  for (const kind of KINDS) {
    const sent = counted(truth.byKind[kind]);
    const got = delivered.byKind[kind];
    if (sent === 0 && got === 0) continue;
    const row = { sent, delivered: got, loss: Math.max(0, sent - got), dup: Math.max(0, got - sent) };
    byKind[kind] = row;
    addTo(bySource[KIND_INFO[kind].source], row);
    addTo(total, row);
  }
  return { total, bySource, byKind };
}

/** True when the relay counted exactly what was sent, kind by kind. */
export function deliveredExactly(delivery: Delivery): boolean {
  return delivery.total.loss === 0 && delivery.total.dup === 0;
}
