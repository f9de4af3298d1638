// Whatever arrives on a source topic — bad JSON, bad bytes, tombstones, oversized values,
// unknown kinds or compounds, missing fields — never reaches a screen and never stops the
// stream: each message is counted by reason and written to the dead-letter topic with its
// reason, its origin and its value, while the events around it are counted as usual.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { topicNames, type RejectReason } from '../../relay/contract/index.ts';
import type { DeadLetterBody } from '../../relay/ingest/deadLetter.ts';
import { createTopics } from '../infra/kafkaBroker.ts';
import { consumeRecords, type OutgoingRecord } from '../infra/kafkaRecords.ts';
import { COMPOUNDS, EventProducer, eventOf, recordOf } from './support/events.ts';
import { getState, metric, startTestRelay, uniquePrefix, waitFor, type TestRelay } from './support/relays.ts';
import { connectWall, type TestWall } from './support/walls.ts';

const brokers = inject('kafkaBrokers');
const prefix = uniquePrefix('dlq');
const topics = topicNames(prefix);
const fresh = () => Date.now() - 5_000;
const json = (fields: object) => JSON.stringify({ id: `bad-${Math.random()}`, ts: fresh(), compoundId: COMPOUNDS[9], ...fields });

const MALFORMED: { reason: RejectReason; record: OutgoingRecord }[] = [
  { reason: 'invalid_json', record: { topic: topics.sensor, value: '{"id":"x","ts":' } },
  { reason: 'bad_encoding', record: { topic: topics.camera, value: Buffer.from([0x7b, 0xc3, 0x28, 0x7d]) } },
  { reason: 'not_object', record: { topic: topics.camera, key: COMPOUNDS[1], value: null } },
  { reason: 'not_object', record: { topic: topics.alarm110, value: '[1,2,3]' } },
  { reason: 'oversized', record: { topic: topics.sensor, value: json({ kind: 'smoke', note: '烟'.repeat(4_000) }) } },
  { reason: 'unknown_kind', record: { topic: topics.sensor, value: json({ kind: 'ufo_sighting' }) } },
  { reason: 'kind_not_in_topic', record: { topic: topics.alarm110, value: json({ kind: 'smoke' }) } },
  { reason: 'missing_id', record: { topic: topics.alarm110, value: JSON.stringify({ ts: fresh(), kind: 'theft', compoundId: 'SQ-C01' }) } },
  { reason: 'unknown_compound', record: { topic: topics.sensor, value: json({ kind: 'gas_leak', compoundId: 'SQ-C99' }) } },
  { reason: 'outside_area', record: { topic: topics.camera, value: JSON.stringify({ id: 'far', ts: fresh(), kind: 'street_vendor', lng: 121.2, lat: 31.0 }) } },
  { reason: 'bad_ts', record: { topic: topics.alarm110, value: json({ kind: 'dispute', ts: '2019-11-20 08:30' }) } },
  { reason: 'ts_out_of_range', record: { topic: topics.alarm110, value: json({ kind: 'dispute', ts: Date.now() + 86_400_000 }) } },
  { reason: 'missing_ref', record: { topic: topics.sensor, value: json({ kind: 'door_open', status: 'closed' }) } },
  { reason: 'unknown_field', record: { topic: topics.camera, value: json({ kind: 'face_access', html: '<script>alert(1)</script>' }) } },
  { reason: 'wrong_type', record: { topic: topics.sensor, value: json({ kind: 'smoke', severity: 3 }) } },
  { reason: 'note_too_long', record: { topic: topics.alarm110, value: json({ kind: 'other', note: 'x'.repeat(281) }) } },
];

describe('malformed messages', () => {
  let relay: TestRelay;
  let producer: EventProducer;
  let wall: TestWall;

  beforeAll(async () => {
    await createTopics(brokers, [topics.sensor, topics.camera, topics.alarm110, topics.deadletter]);
    producer = await EventProducer.connect(brokers);
    relay = await startTestRelay({ brokers, prefix, tickHz: 10 });
    await relay.relay.caughtUp;
    wall = await connectWall(relay.url);
  });

  afterAll(async () => {
    wall?.close();
    await relay?.relay.close();
    await producer?.close();
  });

  it('each land in the dead-letter topic with their reason while valid events around them count', async () => {
    const before = eventOf('smoke', { compoundId: COMPOUNDS[2]! });
    const after = eventOf('burglary', { compoundId: COMPOUNDS[2]! });
    // Valid events on every topic before and after the poison, so the stream must pass through it.
    await producer.send([recordOf(prefix, before), ...MALFORMED.map((m) => m.record)]);
    await producer.send([recordOf(prefix, after), recordOf(prefix, eventOf('person_pass'))]);

    const letters = (await consumeRecords(brokers, [topics.deadletter], MALFORMED.length)).map(
      (record) => JSON.parse(String(record.value)) as DeadLetterBody,
    );
    expect(letters.map((l) => l.reason).sort()).toEqual(MALFORMED.map((m) => m.reason).sort());
    const kinds = new Set(letters.map((l) => l.reason));
    expect(kinds.size).toBeGreaterThanOrEqual(8);
    for (const letter of letters) {
      expect(letter.detail).not.toBe('');
      expect([topics.sensor, topics.camera, topics.alarm110]).toContain(letter.topic);
      expect(letter.offset).toMatch(/^\d+$/);
    }
    const oversized = letters.find((l) => l.reason === 'oversized')!;
    expect(oversized).toMatchObject({ truncated: true, topic: topics.sensor });
    expect(letters.find((l) => l.reason === 'bad_encoding')).toMatchObject({ valueEncoding: 'base64', value: 'e8MofQ==' });
    expect(letters.find((l) => l.reason === 'unknown_field')?.value).toContain('<script>');

    const state = await waitFor('the valid events', async () => {
      const s = await getState(relay.url);
      return s.byKind.burglary === 1 && s.byKind.person_pass === 1 ? s : undefined;
    });
    expect(state.totals).toEqual({ sensor: 1, camera: 1, alarm110: 1, grid: 0, hotline: 0 });
    const expectedRejects: Partial<Record<RejectReason, number>> = {};
    for (const { reason } of MALFORMED) expectedRejects[reason] = (expectedRejects[reason] ?? 0) + 1;
    expect(state.rejected).toMatchObject(expectedRejects);
    expect(await metric(relay.url, 'relay_events_rejected_total', { reason: 'not_object' })).toBe(2);
    expect(await metric(relay.url, 'relay_deadletter_written_total')).toBe(MALFORMED.length);
  });

  it('never reach a wall, which keeps receiving the valid ones', async () => {
    await waitFor('the wall to catch up', () => (wall.view?.byKind.burglary === 1 ? true : undefined));
    expect(wall.view?.totals).toEqual({ sensor: 1, camera: 1, alarm110: 1, grid: 0, hotline: 0 });
    expect(JSON.stringify(wall.view?.feed)).not.toContain('<script>');
    expect(wall.view?.rejected.invalid_json).toBe(1);
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
  });
});
