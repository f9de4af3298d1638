// Delivered versus sent: the relay's counts since the baseline (across its midnight too)
// against the ground truth, kind by kind, leaving out closed follow-ups, which the relay does
// not count as events.
import { describe, expect, it } from 'vitest';
import { KINDS, perSource, type Kind, type ProducerEvent } from '../../../relay/contract/index.ts';
import { GroundTruthRecorder } from '../../../simulator/groundTruth.ts';
import { compareDelivery, deliveredExactly } from '../../../simulator/measure/delivery.ts';
import { countsSince, type DayCounts, type RelayCounts } from '../../../simulator/measure/relayCounts.ts';

function dayCounts(day: string, byKind: Partial<Record<Kind, number>>): DayCounts {
  const all = Object.fromEntries(KINDS.map((kind) => [kind, byKind[kind] ?? 0])) as Record<Kind, number>;
  const sum = (kinds: Kind[]) => kinds.reduce((n, kind) => n + all[kind], 0);
  return {
    day,
    byKind: all,
    totals: { ...perSource(() => 0), sensor: sum(['smoke', 'door_open']), camera: sum(['face_access']), alarm110: sum(['theft']) },
  };
}

const relay = (today: DayCounts, yesterday: DayCounts): RelayCounts => ({ today, yesterday });

function truthOf(events: ProducerEvent[]) {
  const recorder = new GroundTruthRecorder();
  for (const event of events) recorder.record(event);
  return recorder.snapshot();
}

const sent = truthOf([
  { id: 'a', ts: 0, kind: 'smoke', compoundId: 'SQ-C01', status: 'open' },
  { id: 'a-closed', ts: 1, kind: 'smoke', compoundId: 'SQ-C01', status: 'closed', ref: 'a' },
  { id: 'b', ts: 0, kind: 'face_access', compoundId: 'SQ-C02' },
  { id: 'c', ts: 0, kind: 'face_access', compoundId: 'SQ-C02' },
  { id: 'd', ts: 0, kind: 'theft', compoundId: 'SQ-C03', status: 'open' },
]);

describe('delivered versus sent', () => {
  it('counts what the relay added since the baseline', () => {
    const base = relay(dayCounts('2024-05-01', { smoke: 10, face_access: 3 }), dayCounts('2024-04-30', { smoke: 99 }));
    const now = relay(dayCounts('2024-05-01', { smoke: 11, face_access: 5, theft: 1 }), dayCounts('2024-04-30', { smoke: 99 }));
    const counted = countsSince(base, now);
    expect(counted?.totals).toEqual({ sensor: 1, camera: 2, alarm110: 1, grid: 0, hotline: 0 });
    const delivery = compareDelivery(sent, counted!);
    expect(delivery.total).toEqual({ sent: 4, delivered: 4, loss: 0, dup: 0 });
    expect(delivery.byKind.smoke).toEqual({ sent: 1, delivered: 1, loss: 0, dup: 0 });
    expect(deliveredExactly(delivery)).toBe(true);
  });

  it("adds up both days when the relay's midnight passed during the run", () => {
    const base = relay(dayCounts('2024-05-01', { face_access: 3 }), dayCounts('2024-04-30', {}));
    const now = relay(dayCounts('2024-05-02', { face_access: 1, smoke: 1, theft: 1 }), dayCounts('2024-05-01', { face_access: 4 }));
    expect(countsSince(base, now)?.byKind).toMatchObject({ face_access: 2, smoke: 1, theft: 1 });
  });

  it('gives up when the baseline day is out of view', () => {
    const base = relay(dayCounts('2024-05-01', {}), dayCounts('2024-04-30', {}));
    const now = relay(dayCounts('2024-05-03', {}), dayCounts('2024-05-02', {}));
    expect(countsSince(base, now)).toBeNull();
  });

  it('reports a loss in one kind and a double count in another without letting them cancel', () => {
    const base = relay(dayCounts('2024-05-01', {}), dayCounts('2024-04-30', {}));
    const now = relay(dayCounts('2024-05-01', { smoke: 2, face_access: 1, theft: 1 }), dayCounts('2024-04-30', {}));
    const delivery = compareDelivery(sent, countsSince(base, now)!);
    expect(delivery.total).toEqual({ sent: 4, delivered: 4, loss: 1, dup: 1 });
    expect(delivery.bySource.sensor).toEqual({ sent: 1, delivered: 2, loss: 0, dup: 1 });
    expect(delivery.bySource.camera).toEqual({ sent: 2, delivered: 1, loss: 1, dup: 0 });
    expect(deliveredExactly(delivery)).toBe(false);
  });
});
