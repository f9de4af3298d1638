import { beforeEach, describe, expect, it } from 'vitest';
import { createCompoundLocator } from '../../../geo/compoundLocator.ts';
import { buildPackIndex } from '../../../geo/packIndex.ts';
import type { DeadLetter } from '../../../relay/ingest/deadLetter.ts';
import { createIngest } from '../../../relay/ingest/ingestRecords.ts';
import type { IngestRecord, RecordHandler } from '../../../relay/ingest/record.ts';
import { createRelayMetrics, type RelayMetrics } from '../../../relay/metrics.ts';
import { createState, snapshot, type RelayState } from '../../../relay/state/index.ts';
import { buildGridPack } from '../geo/fixtures/gridPack.ts';

const pack = buildGridPack();
const index = buildPackIndex(pack);
const locator = createCompoundLocator(pack.compounds.features);
const COMPOUND = [...index.compounds.keys()].sort()[0]!;
const NOW = Date.parse('2024-05-01T12:00:00+08:00');

let offset = 0;
function record(topic: string, value: IngestRecord['value'], timestamp = NOW - 500): IngestRecord {
  return { topic, partition: 0, offset: String(offset++), timestamp, value };
}
const json = (fields: object) => JSON.stringify({ ts: NOW - 60_000, compoundId: COMPOUND, ...fields });

async function metricValue(metrics: RelayMetrics, name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = await metrics.registry.getSingleMetric(name)!.get();
  const match = metric.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return match?.value ?? 0;
}

describe('ingesting records from any source', () => {
  let state: RelayState;
  let metrics: RelayMetrics;
  let letters: DeadLetter[];
  let applied: number[];
  let ingest: RecordHandler;

  const ingestInto = (target: RelayState) =>
    createIngest({
      state: target,
      topicPrefix: 'shiquan',
      lookup: { hasCompound: (id) => index.compounds.has(id), locate: locator.locate },
      deadLetters: { write: (batch) => letters.push(...batch), close: async () => undefined },
      metrics,
      onApplied: (timestamp) => applied.push(timestamp),
      now: () => NOW,
    });

  beforeEach(() => {
    state = createState(index, NOW);
    metrics = createRelayMetrics();
    letters = [];
    applied = [];
    ingest = ingestInto(state);
  });

  it('applies valid events to the state, judging each kind against its topic', async () => {
    ingest([
      record('shiquan.sensor', Buffer.from(json({ id: 'a', kind: 'smoke' })), NOW - 700),
      record('shiquan.camera', json({ id: 'b', kind: 'face_access' }), NOW - 300),
      record('shiquan.alarm110', json({ id: 'c', kind: 'theft' })),
    ]);
    const view = snapshot(state, NOW);
    expect(view.totals).toEqual({ sensor: 1, camera: 1, alarm110: 1, grid: 0, hotline: 0 });
    expect(applied).toEqual([NOW - 700, NOW - 300, NOW - 500]);
    expect(letters).toEqual([]);
    expect(await metricValue(metrics, 'relay_events_consumed_total', { source: 'camera' })).toBe(1);
  });

  it('dead-letters a case step the state refuses, with the reason, like any bad event', async () => {
    ingest([
      record('shiquan.grid', json({ id: 'g1', kind: 'rubbish_pile', status: 'open' })),
      record('shiquan.grid', json({ id: 'g1-d', kind: 'rubbish_pile', ref: 'g1', stage: 'dispatched' })),
      record('shiquan.grid', json({ id: 'g1-d2', kind: 'rubbish_pile', ref: 'g1', stage: 'dispatched' })),
      record('shiquan.hotline', json({ id: 'h9-c', kind: 'noise', ref: 'h9', stage: 'contacted' })),
      record('shiquan.hotline', json({ id: 'h1', kind: 'noise', onTime: true })),
    ]);
    const view = snapshot(state, NOW);
    expect(view.cases.grid.today).toMatchObject({ accepted: 1, dispatched: 1 });
    expect(view.rejected).toMatchObject({ stage_out_of_order: 1, unknown_case: 1, outcome_not_allowed: 1 });
    const bodies = letters.map((l) => JSON.parse(l.value) as { reason: string; detail: string; topic: string });
    expect(bodies.map((b) => [b.reason, b.topic])).toEqual([
      ['stage_out_of_order', 'shiquan.grid'],
      ['unknown_case', 'shiquan.hotline'],
      ['outcome_not_allowed', 'shiquan.hotline'],
    ]);
    expect(bodies[0]?.detail).toMatch(/g1.*dispatched/);
    expect(await metricValue(metrics, 'relay_events_rejected_total', { reason: 'unknown_case' })).toBe(1);
  });

  it('takes grid and hotline events back to 1 January less the look-back, the others 35 days', () => {
    const february = Date.parse('2024-02-10T09:00:00+08:00');
    ingest([
      record('shiquan.grid', JSON.stringify({ id: 'old-case', ts: february, kind: 'rubbish_pile', compoundId: COMPOUND })),
      record('shiquan.sensor', JSON.stringify({ id: 'old-smoke', ts: february, kind: 'smoke', compoundId: COMPOUND })),
    ]);
    const view = snapshot(state, NOW);
    expect(view.cases.grid).toMatchObject({ open: 1, year: { accepted: 1 } });
    expect(view.rejected.ts_out_of_range).toBe(1);
    expect(letters.map((l) => (JSON.parse(l.value) as { topic: string }).topic)).toEqual(['shiquan.sensor']);
  });

  it('counts an event sent twice once', async () => {
    const value = json({ id: 'twice', kind: 'gas_leak' });
    ingest([record('shiquan.sensor', value)]);
    ingest([record('shiquan.sensor', value)]);
    expect(snapshot(state, NOW).byKind.gas_leak).toBe(1);
    expect(applied).toHaveLength(1);
    expect(await metricValue(metrics, 'relay_events_duplicate_total')).toBe(1);
    expect(await metricValue(metrics, 'relay_events_consumed_total', { source: 'sensor' })).toBe(2);
  });

  it('counts rejects by reason, dead-letters them, and goes on with the batch', async () => {
    ingest([
      record('shiquan.sensor', '{"id":'),
      record('shiquan.sensor', json({ id: 'k', kind: 'face_access' })),
      record('shiquan.camera', null),
      record('shiquan.camera', json({ id: 'ok', kind: 'vehicle_pass' })),
    ]);
    const view = snapshot(state, NOW);
    expect(view.totals.camera).toBe(1);
    expect(view.rejected).toMatchObject({ invalid_json: 1, kind_not_in_topic: 1, not_object: 1 });
    expect(letters.map((l) => (JSON.parse(l.value) as { reason: string }).reason)).toEqual([
      'invalid_json',
      'kind_not_in_topic',
      'not_object',
    ]);
    expect(await metricValue(metrics, 'relay_events_rejected_total', { reason: 'not_object' })).toBe(1);
  });

  it('turns a failure while applying into an internal_error reject instead of stopping', () => {
    const broken = { ...state, seen: null } as unknown as RelayState;
    ingestInto(broken)([record('shiquan.sensor', json({ id: 'boom', kind: 'smoke' }))]);
    expect(letters).toHaveLength(1);
    expect(JSON.parse(letters[0]!.value)).toMatchObject({ reason: 'internal_error' });
    expect(broken.today.rejected.internal_error).toBe(1);
  });

  it('ignores records of topics that are not source topics', () => {
    ingest([record('shiquan.deadletter', json({ id: 'x', kind: 'smoke' })), record('other.sensor', '{')]);
    const view = snapshot(state, NOW);
    expect(view.totals.sensor).toBe(0);
    expect(Object.values(view.rejected).every((n) => n === 0)).toBe(true);
  });
});
