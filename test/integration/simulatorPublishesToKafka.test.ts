// The simulator's Kafka target against the real broker: a historical replay and a load run land
// on their sources' topics, keyed by compound, exactly as many as the ground truth says; a file
// replays into Kafka on the wall clock; a missed threshold makes the exit status 1.
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCompoundLocator } from '../../geo/compoundLocator.ts';
import { loadPack } from '../../geo/loadPack.ts';
import { KIND_INFO, perSource, SOURCES, topicNames, type Kind, type ProducerEvent, type Source } from '../../relay/contract/index.ts';
import { runCli } from '../../simulator/program.ts';
import type { RunReport } from '../../simulator/report/reportData.ts';
import { compoundKey } from '../../simulator/targets/eventKey.ts';
import { parseBrokers } from '../infra/kafkaAdmin.ts';
import { consumeRecords, type ConsumedRecord } from '../infra/kafkaRecords.ts';

const brokers = inject('kafkaBrokers');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'simulator-kafka-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function simulate(...argv: string[]): Promise<{ code: number; stderr: string[] }> {
  const stderr: string[] = [];
  const code = await runCli(argv, (line) => stderr.push(line), {});
  return { code, stderr };
}

const uniquePrefix = (name: string) => `it-sim-${name}-${randomUUID().slice(0, 8)}`;

/** Messages on each source topic (the sum of the partitions' high-water marks). */
async function topicCounts(prefix: string): Promise<Record<Source, number>> {
  const admin = new Kafka({ clientId: 'it-sim-admin', brokers: parseBrokers(brokers), logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  try {
    const topics = topicNames(prefix);
    const counts = perSource(() => 0);
    for (const source of SOURCES) {
      for (const { high } of await admin.fetchTopicOffsets(topics[source])) counts[source] += Number(high);
    }
    return counts;
  } finally {
    await admin.disconnect();
  }
}

const readReport = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as RunReport;
const eventOf = (record: ConsumedRecord) => JSON.parse(String(record.value)) as ProducerEvent;

function countByKind(events: readonly ProducerEvent[]): Partial<Record<Kind, number>> {
  const counts: Partial<Record<Kind, number>> = {};
  for (const event of events) counts[event.kind] = (counts[event.kind] ?? 0) + 1;
  return counts;
}

describe('the simulator publishing to Kafka', () => {
  it('replays a historical window onto the source topics with exact ground-truth counts, keyed by compound', async () => {
    const prefix = uniquePrefix('hist');
    const report = join(dir, 'hist.json');
    const window = ['--profile', 'historical', '--sources', 'sensor,alarm110', '--from', '2019-03-01', '--to', '2019-03-07'];
    const started = Date.now();
    const run = await simulate(...window, '--brokers', brokers, '--topic-prefix', prefix, '--report', report);
    expect(run).toMatchObject({ code: 0 });
    const { sent, timeMode } = await readReport(report);
    expect(timeMode.timestamps).toBe('live');
    expect(sent.events).toBeGreaterThan(100);

    const counts = await topicCounts(prefix);
    expect(counts).toEqual({ sensor: sent.bySource.sensor.events, camera: 0, alarm110: sent.bySource.alarm110.events, grid: 0, hotline: 0 });

    const topics = topicNames(prefix);
    const records = await consumeRecords(brokers, [topics.sensor, topics.alarm110], sent.events);
    const events = records.map(eventOf);
    const byKind = Object.fromEntries(Object.entries(sent.byKind).map(([kind, tally]) => [kind, tally?.events]));
    expect(countByKind(events)).toEqual(byKind);
    const keyOf = compoundKey(createCompoundLocator((await loadPack()).compounds.features));
    for (const [i, record] of records.entries()) {
      const event = events[i]!;
      expect(record.topic).toBe(topics[KIND_INFO[event.kind].source]);
      expect(record.key).toBe(keyOf(event));
      expect(record.key).not.toBeNull();
    }
    // Live: stamped on the wall clock, at max speed when sent.
    const times = events.map((event) => Number(event.ts));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(started);
    expect(Math.max(...times)).toBeLessThanOrEqual(Date.now());

    // The same seed to a file gives the same events with their historical timestamps.
    const file = join(dir, 'hist.ndjson');
    expect(await simulate(...window, '--out', file)).toMatchObject({ code: 0 });
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as ProducerEvent);
    expect(lines.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
    expect(String(lines[0]?.ts)).toMatch(/^2019-03-01T/);
  });

  it('holds a load run on its schedule and publishes exactly what the ground truth counts', async () => {
    const prefix = uniquePrefix('load');
    const report = join(dir, 'load.json');
    const run = await simulate('--profile', 'load', '--rate', '1000', '--duration', '3s', '--seed', '7', '--brokers', brokers, '--topic-prefix', prefix, '--report', report);
    expect(run).toMatchObject({ code: 0 });
    const { sent, timeMode, rate } = await readReport(report);
    expect(timeMode).toMatchObject({ timestamps: 'live', speed: 1 });
    // Ramp from 100/s, hold, burst at 1,500/s, recover: 98.25 % of 1,000/s over 3 s.
    expect(sent.events).toBe(2948);
    expect(sent.elapsedMs).toBeGreaterThanOrEqual(2_900);
    expect(rate.perSecond.reduce((sum, n) => sum + n, 0)).toBe(2948);
    const counts = await topicCounts(prefix);
    expect(counts).toEqual(perSource((source) => sent.bySource[source].events));
  });

  it('replays a file into Kafka shifted to now and compressed by --speed', async () => {
    const prefix = uniquePrefix('in');
    const file = join(dir, 'three.ndjson');
    const hour = 3_600_000;
    const history = Date.UTC(2019, 2, 1, 1);
    const events: ProducerEvent[] = [0, 1, 2].map((i) => ({ id: `in-${prefix}-${i}`, ts: history + i * hour, kind: 'theft', compoundId: 'SQ-C05', status: 'open' }));
    await writeFile(file, events.map((event) => `${JSON.stringify(event)}\n`).join(''));
    const started = Date.now();
    expect(await simulate('--in', file, '--speed', '3600', '--brokers', brokers, '--topic-prefix', prefix)).toMatchObject({ code: 0 });
    const received = (await consumeRecords(brokers, [topicNames(prefix).alarm110], 3)).map(eventOf);
    expect(received.map((event) => event.id)).toEqual(events.map((event) => event.id));
    const times = received.map((event) => Number(event.ts));
    expect(times[0]).toBeGreaterThanOrEqual(started);
    expect(times[0]).toBeLessThan(started + 5_000);
    // An hour of history is a second at 3600×.
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([1000, 1000]);
  });

  it('exits 1 and lists the missed threshold', async () => {
    const run = await simulate(
      '--profile', 'load', '--rate', '200', '--duration', '1s', '--brokers', brokers, '--topic-prefix', uniquePrefix('threshold'),
      '--threshold', 'rate>=100000', '--threshold', 'rate>=1',
    );
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toMatch(/^simulate: 197 events to Kafka/);
    expect(run.stderr.slice(1)).toEqual([
      expect.stringMatching(/^simulate: threshold rate>=100000 FAILED \(\d+\)$/),
      expect.stringMatching(/^simulate: threshold rate>=1 passed \(\d+\)$/),
    ]);
  });

  it('exits 1 with one line when Kafka is not there', async () => {
    const run = await simulate('--profile', 'load', '--duration', '1s', '--brokers', '127.0.0.1:1');
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([expect.stringMatching(/^simulate: cannot reach Kafka at 127\.0\.0\.1:1 \(.*ECONNREFUSED.*\)$/)]);
  });
});
