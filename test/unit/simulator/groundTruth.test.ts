import { describe, expect, it } from 'vitest';
import { GroundTruthRecorder } from '../../../simulator/groundTruth.ts';

describe('ground truth of a run', () => {
  it('counts events by source and kind, openings apart from follow-ups, and keeps the first and last id', () => {
    const truth = new GroundTruthRecorder();
    truth.record({ id: 'a', ts: 1, kind: 'smoke', compoundId: 'SQ-C01', status: 'open' });
    truth.record({ id: 'b', ts: 2, kind: 'face_access', compoundId: 'SQ-C01' });
    truth.record({ id: 'c', ts: 3, kind: 'theft', compoundId: 'SQ-C02' });
    truth.record({ id: 'a-closed', ts: 4, kind: 'smoke', compoundId: 'SQ-C01', status: 'closed', ref: 'a' });
    truth.record({ id: 'g', ts: 5, kind: 'rubbish_pile', compoundId: 'SQ-C03', status: 'open' });
    truth.record({ id: 'g-dispatched', ts: 6, kind: 'rubbish_pile', compoundId: 'SQ-C03', ref: 'g', stage: 'dispatched' });
    truth.record({ id: 'g-closed', ts: 7, kind: 'rubbish_pile', compoundId: 'SQ-C03', ref: 'g', stage: 'closed', status: 'closed' });
    const none = { events: 0, opened: 0, closed: 0, steps: 0 };
    expect(truth.snapshot()).toEqual({
      events: 7,
      bySource: {
        sensor: { events: 2, opened: 1, closed: 1, steps: 0 },
        camera: { events: 1, opened: 0, closed: 0, steps: 0 },
        alarm110: { events: 1, opened: 1, closed: 0, steps: 0 },
        grid: { events: 3, opened: 1, closed: 1, steps: 1 },
        hotline: none,
      },
      byKind: {
        smoke: { events: 2, opened: 1, closed: 1, steps: 0 },
        face_access: { events: 1, opened: 0, closed: 0, steps: 0 },
        theft: { events: 1, opened: 1, closed: 0, steps: 0 },
        rubbish_pile: { events: 3, opened: 1, closed: 1, steps: 1 },
      },
      first: { id: 'a', ts: 1 },
      last: { id: 'g-closed', ts: 7 },
    });
  });

  it('hands out snapshots that later events do not change', () => {
    const truth = new GroundTruthRecorder();
    truth.record({ id: 'a', ts: 1, kind: 'door_open', compoundId: 'SQ-C01' });
    const before = truth.snapshot();
    truth.record({ id: 'b', ts: 2, kind: 'door_open', compoundId: 'SQ-C01' });
    expect(before.bySource.sensor.events).toBe(1);
    expect(before.byKind.door_open?.events).toBe(1);
  });
});
