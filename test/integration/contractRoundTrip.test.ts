// Contract v1 survives a trip through real Kafka: what an upstream system puts on the source
// topics is, after produce and consume, accepted and normalised or refused with the right reason.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  SOURCES,
  sourceOfTopic,
  topicNames,
  validateEvent,
  type RejectReason,
  type ShiquanEvent,
  type ValidationContext,
} from '../../relay/contract/index.ts';
import { createTopics } from '../infra/kafkaBroker.ts';
import {
  consumeRecords,
  produceRecords,
  type ConsumedRecord,
  type OutgoingRecord,
} from '../infra/kafkaRecords.ts';

const brokers = inject('kafkaBrokers');
const prefix = `it-contract-${randomUUID()}`;
const topics = topicNames(prefix);
const COMPOUND_IDS = new Set(Array.from({ length: 80 }, (_, i) => `SQ-C${String(i + 1).padStart(2, '0')}`));
const now = Date.now();
const aMinuteAgo = now - 60_000;

/** The same instant as Shanghai writes it: local time with a +08:00 offset. */
function shanghaiIso(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
}

interface Case {
  name: string;
  topic: string;
  key?: string | null;
  value: string | Buffer | null;
  expected: { event: ShiquanEvent } | { reason: RejectReason };
}

const json = (value: object) => JSON.stringify(value);

const CASES: Case[] = [
  {
    name: 'smoke alarm stamped in Shanghai time',
    topic: topics.sensor,
    key: 'SQ-C07',
    value: json({
      id: 'evt-smoke-1',
      ts: shanghaiIso(aMinuteAgo),
      kind: 'smoke',
      compoundId: 'SQ-C07',
      deviceId: 'SMK-0107',
    }),
    expected: {
      event: {
        id: 'evt-smoke-1',
        ts: aMinuteAgo,
        source: 'sensor',
        kind: 'smoke',
        compoundId: 'SQ-C07',
        lng: null,
        lat: null,
        severity: 'critical',
        status: 'open',
        ref: null,
        deviceId: 'SMK-0107',
        note: null,
        step: null,
      },
    },
  },
  {
    name: 'vehicle pass stamped in epoch ms',
    topic: topics.camera,
    key: 'SQ-C80',
    value: json({ id: 'evt-pass-1', ts: aMinuteAgo, kind: 'vehicle_pass', compoundId: 'SQ-C80' }),
    expected: {
      event: {
        id: 'evt-pass-1',
        ts: aMinuteAgo,
        source: 'camera',
        kind: 'vehicle_pass',
        compoundId: 'SQ-C80',
        lng: null,
        lat: null,
        severity: 'info',
        status: null,
        ref: null,
        deviceId: null,
        note: null,
        step: null,
      },
    },
  },
  {
    name: 'closed burglary, ref and Chinese note',
    topic: topics.alarm110,
    key: null,
    value: json({
      id: 'evt-110-2',
      ts: new Date(aMinuteAgo).toISOString(),
      kind: 'burglary',
      compoundId: 'SQ-C01',
      status: 'closed',
      ref: 'evt-110-1',
      note: '民警到场处置完毕',
    }),
    expected: {
      event: {
        id: 'evt-110-2',
        ts: aMinuteAgo,
        source: 'alarm110',
        kind: 'burglary',
        compoundId: 'SQ-C01',
        lng: null,
        lat: null,
        severity: 'critical',
        status: 'closed',
        ref: 'evt-110-1',
        deviceId: null,
        note: '民警到场处置完毕',
        step: null,
      },
    },
  },
  {
    name: 'a 12345 review with what the caller said',
    topic: topics.hotline,
    key: 'SQ-C12',
    value: json({
      id: 'hot-9-reviewed',
      ts: shanghaiIso(aMinuteAgo),
      kind: 'noise',
      compoundId: 'SQ-C12',
      ref: 'hot-9',
      stage: 'reviewed',
      resolved: false,
      satisfied: true,
    }),
    expected: {
      event: {
        id: 'hot-9-reviewed',
        ts: aMinuteAgo,
        source: 'hotline',
        kind: 'noise',
        compoundId: 'SQ-C12',
        lng: null,
        lat: null,
        severity: 'info',
        status: null,
        ref: 'hot-9',
        deviceId: null,
        note: null,
        step: { stage: 'reviewed', resolved: false, satisfied: true },
      },
    },
  },
  {
    name: 'a grid case closed',
    topic: topics.grid,
    key: 'SQ-C13',
    value: json({ id: 'grd-3-closed', ts: aMinuteAgo, kind: 'rubbish_pile', compoundId: 'SQ-C13', ref: 'grd-3', stage: 'closed', status: 'closed' }),
    expected: {
      event: {
        id: 'grd-3-closed',
        ts: aMinuteAgo,
        source: 'grid',
        kind: 'rubbish_pile',
        compoundId: 'SQ-C13',
        lng: null,
        lat: null,
        severity: 'info',
        status: 'closed',
        ref: 'grd-3',
        deviceId: null,
        note: null,
        step: { stage: 'closed' },
      },
    },
  },
  {
    name: 'a stage on the 110 topic',
    topic: topics.alarm110,
    value: json({ id: 'evt-s', ts: aMinuteAgo, kind: 'theft', compoundId: 'SQ-C09', ref: 'x', stage: 'closed' }),
    expected: { reason: 'unknown_field' },
  },
  {
    name: 'a hotline finish without onTime',
    topic: topics.hotline,
    value: json({ id: 'hot-1-finished', ts: aMinuteAgo, kind: 'enquiry', compoundId: 'SQ-C10', ref: 'hot-1', stage: 'finished' }),
    expected: { reason: 'missing_outcome' },
  },
  { name: 'truncated JSON', topic: topics.sensor, value: '{"id":"evt-x","ts":', expected: { reason: 'invalid_json' } },
  {
    name: 'bytes that are not UTF-8',
    topic: topics.sensor,
    value: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
    expected: { reason: 'bad_encoding' },
  },
  { name: 'a tombstone (null value)', topic: topics.camera, value: null, expected: { reason: 'not_object' } },
  {
    name: 'a message over 8 KiB',
    topic: topics.camera,
    value: json({ id: 'evt-big', ts: aMinuteAgo, kind: 'face_access', compoundId: 'SQ-C02', note: 'x'.repeat(9_000) }),
    expected: { reason: 'oversized' },
  },
  {
    name: 'an unknown kind',
    topic: topics.sensor,
    value: json({ id: 'evt-u', ts: aMinuteAgo, kind: 'ufo_sighting', compoundId: 'SQ-C03' }),
    expected: { reason: 'unknown_kind' },
  },
  {
    name: 'no id',
    topic: topics.alarm110,
    value: json({ ts: aMinuteAgo, kind: 'theft', compoundId: 'SQ-C04' }),
    expected: { reason: 'missing_id' },
  },
  {
    name: 'a camera kind on the sensor topic',
    topic: topics.sensor,
    value: json({ id: 'evt-k', ts: aMinuteAgo, kind: 'high_altitude_throw', compoundId: 'SQ-C05' }),
    expected: { reason: 'kind_not_in_topic' },
  },
  {
    name: 'a compound the pack does not have',
    topic: topics.sensor,
    value: json({ id: 'evt-c', ts: aMinuteAgo, kind: 'gas_leak', compoundId: 'SQ-C99' }),
    expected: { reason: 'unknown_compound' },
  },
  {
    name: 'a position in no compound',
    topic: topics.camera,
    value: json({ id: 'evt-p', ts: aMinuteAgo, kind: 'street_vendor', lng: 121.43, lat: 31.25, crs: 'gcj02' }),
    expected: { reason: 'outside_area' },
  },
  {
    name: 'a local time without an offset',
    topic: topics.alarm110,
    value: json({ id: 'evt-t', ts: '2019-11-20T08:30:00', kind: 'dispute', compoundId: 'SQ-C06' }),
    expected: { reason: 'bad_ts' },
  },
  {
    name: 'a closed incident without ref',
    topic: topics.sensor,
    value: json({ id: 'evt-r', ts: aMinuteAgo, kind: 'door_open', compoundId: 'SQ-C08', status: 'closed' }),
    expected: { reason: 'missing_ref' },
  },
];

const context = (record: ConsumedRecord): ValidationContext => ({
  source: sourceOfTopic(prefix, record.topic) ?? undefined,
  now,
  hasCompound: (id) => COMPOUND_IDS.has(id),
  locate: () => null,
});

describe('contract v1 through Kafka', () => {
  const received = new Map<string, ConsumedRecord>();

  beforeAll(async () => {
    const sourceTopics = SOURCES.map((source) => topics[source]);
    await createTopics(brokers, sourceTopics);
    // The case name travels in a header, so the key stays what the contract says it is.
    const records: OutgoingRecord[] = CASES.map(({ name, topic, key, value }) => ({
      topic,
      key,
      value,
      headers: { case: name },
    }));
    await produceRecords(brokers, records);
    for (const record of await consumeRecords(brokers, sourceTopics, CASES.length)) {
      received.set(record.headers.case ?? '(no case header)', record);
    }
  });

  it('delivers every message, and nothing else, to the topic it was sent to', () => {
    expect([...received.keys()].sort()).toEqual(CASES.map((c) => c.name).sort());
    for (const { name, topic } of CASES) expect(received.get(name)?.topic).toBe(topic);
  });

  const accepted = CASES.filter((c) => 'event' in c.expected);
  const rejected = CASES.filter((c) => 'reason' in c.expected);

  it.each(accepted)('accepts and normalises: $name', ({ name, expected }) => {
    const record = received.get(name)!;
    expect(validateEvent(record.value, context(record))).toEqual({ ok: true, ...expected });
  });

  it.each(rejected)('rejects $name', ({ name, expected }) => {
    const record = received.get(name)!;
    expect(validateEvent(record.value, context(record))).toMatchObject({ ok: false, ...expected });
  });
});
