// Latency by ordinal: deltas carry counts, not ids, so the k-th counted event of a source that
// the run produced is delivered when a probe wall first sees that source's total (since its
// first snapshot) reach k. Closed follow-ups have no ordinal; other producers' events are not
// timed; gaps make the probe wait for a snapshot.
import { describe, expect, it } from 'vitest';
import { KINDS, perSource, type Kind, type ProducerEvent, type Source } from '../../../relay/contract/index.ts';
import type { Delta, Snapshot } from '../../../relay/protocol/snapshot.ts';
import { LatencyStats } from '../../../simulator/measure/latencyStats.ts';
import { OrdinalLog } from '../../../simulator/measure/ordinalLog.ts';
import { ProbeTracker } from '../../../simulator/measure/probeTracker.ts';

const T0 = 1_700_000_000_000;
let serial = 0;
const event = (kind: Kind, status?: 'open' | 'closed'): ProducerEvent => ({
  id: `e${++serial}`,
  ts: T0,
  kind,
  compoundId: 'SQ-C01',
  ...(status ? { status } : {}),
});

function day(day: string, totals: Partial<Record<Source, number>> = {}) {
  const byKind = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
  return { day, totals: { ...perSource(() => 0), ...totals }, byKind };
}

/** The parts of a snapshot the counts come from (applyDelta leaves the others as they are). */
function snapshot(seq: number, totals: Partial<Record<Source, number>>, today = '2024-05-01'): Snapshot {
  return { seq, ...day(today, totals), yesterday: day('2024-04-30') } as unknown as Snapshot;
}

const delta = (seq: number, totals: Partial<Record<Source, number>>, extra: Partial<Delta> = {}): Delta => ({
  seq,
  prevSeq: seq - 1,
  at: 0,
  today: { totals },
  ...extra,
});

function setup() {
  const log = new OrdinalLog();
  const latency = new LatencyStats(T0);
  const probe = new ProbeTracker(1, log, latency, T0);
  return { log, latency, probe };
}

describe('latency by ordinal', () => {
  it('times the k-th event of a source by the first message whose total reaches k', () => {
    const { log, latency, probe } = setup();
    probe.onSnapshot(snapshot(7, { sensor: 100, camera: 40 }), T0);
    log.record([event('smoke'), event('face_access'), event('smoke', 'closed'), event('door_open')], T0 + 1_000);
    log.record([event('smoke'), event('gas_leak')], T0 + 1_100);
    expect(log.produced('sensor')).toBe(4);

    expect(probe.onDelta(delta(8, { sensor: 102, camera: 41 }), T0 + 1_250)).toBe('applied');
    expect(probe.onDelta(delta(9, { sensor: 104 }), T0 + 1_500)).toBe('applied');

    const { overall, series } = latency.summary();
    // sensor #1, #2 at 250 ms and camera #1 at 250 ms; sensor #3, #4 produced at +1100, seen at +1500.
    expect(overall).toEqual({ count: 5, p50: 250, p95: 400, p99: 400, max: 400 });
    expect(series.map((point) => [point.second, point.count])).toEqual([[1, 5]]);
  });

  it('splits one delivery over the production runs it covers', () => {
    const { log, latency, probe } = setup();
    probe.onSnapshot(snapshot(1, {}), T0);
    log.record([event('smoke')], T0 + 10);
    log.record([event('smoke'), event('smoke')], T0 + 20);
    log.record([event('smoke')], T0 + 30);
    probe.onDelta(delta(2, { sensor: 3 }), T0 + 100);
    probe.onDelta(delta(3, { sensor: 4 }), T0 + 200);
    expect(latency.summary().overall).toEqual({ count: 4, p50: 80, p95: 170, p99: 170, max: 170 });
  });

  it('does not time counts beyond what the run produced (another producer)', () => {
    const { log, latency, probe } = setup();
    probe.onSnapshot(snapshot(1, {}), T0);
    log.record([event('smoke')], T0 + 10);
    probe.onDelta(delta(2, { sensor: 5 }), T0 + 50);
    log.record([event('smoke')], T0 + 60);
    probe.onDelta(delta(3, { sensor: 5 }), T0 + 100);
    probe.onDelta(delta(4, { sensor: 6 }), T0 + 150);
    expect(latency.summary().overall).toEqual({ count: 2, p50: 40, p95: 40, p99: 40, max: 40 });
  });

  it('counts a seq gap, ignores deltas until the next snapshot, and resyncs from it', () => {
    const { log, latency, probe } = setup();
    probe.onSnapshot(snapshot(1, {}), T0);
    log.record([event('smoke'), event('smoke')], T0);
    expect(probe.onDelta({ seq: 3, prevSeq: 2, at: 0, today: { totals: { sensor: 1 } } }, T0 + 100)).toBe('gap');
    expect(probe.onDelta(delta(4, { sensor: 2 }), T0 + 200)).toBe('ignored');
    expect(latency.summary().overall).toBeNull();
    probe.onSnapshot(snapshot(4, { sensor: 2 }), T0 + 300);
    expect(probe.onDelta(delta(5, {}), T0 + 400)).toBe('applied');
    expect(probe.stats()).toMatchObject({ snapshots: 2, deltas: 3, gaps: 1 });
    expect(latency.summary().overall).toMatchObject({ count: 2, max: 300 });
  });

  it("keeps counting across the relay's midnight", () => {
    const { log, latency, probe } = setup();
    probe.onSnapshot(snapshot(1, { alarm110: 5 }, '2024-05-01'), T0);
    log.record([event('theft'), event('theft'), event('theft')], T0);
    probe.onDelta(delta(2, { alarm110: 6 }), T0 + 100);
    // Midnight: yesterday is the baseline's day with 7, today has 1 so far.
    probe.onDelta(delta(3, { alarm110: 1 }, { today: { day: '2024-05-02', totals: { alarm110: 1 } }, yesterday: { day: '2024-05-01', totals: { alarm110: 7 } } }), T0 + 200);
    expect(probe.delivered()?.totals.alarm110).toBe(3);
    expect(latency.summary().overall).toMatchObject({ count: 3, p50: 200, max: 200 });
  });

  it('counts deltas per second of the run clock', () => {
    const { probe } = setup();
    probe.onSnapshot(snapshot(1, {}), T0);
    for (let i = 0; i < 10; i++) probe.onDelta(delta(2 + i, {}), T0 + 1_100 + i * 250);
    expect(probe.stats().deltasPerSecond).toEqual([4, 4, 2]);
  });
});
