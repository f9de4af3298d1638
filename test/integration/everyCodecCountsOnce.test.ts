// Producers that are not ours, with every codec: the official Apache Kafka Java client writes
// batches compressed with none, gzip, snappy, lz4 and zstd (its own framing of each), from an
// idempotent producer and from a transactional one that commits some events and aborts others;
// the simulator writes with each codec too. A relay reading live and one rebuilding afterwards
// (through the transaction markers to the last stable offset) count every committed event
// exactly once and no aborted one.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { perSource, SOURCES, sourceOfKind, topicNames, type Kind, type Source } from '../../relay/contract/index.ts';
import { COMPRESSION_NAMES } from '../../kafka/codecs.ts';
import { runCli } from '../../simulator/program.ts';
import type { RunReport } from '../../simulator/report/reportData.ts';
import { createTopics } from '../infra/kafkaBroker.ts';
import { runJavaProducer, type ProducerCommand } from '../infra/javaProducer.ts';
import { COMPOUNDS, eventOf } from './support/events.ts';
import { getState, metric, startTestRelay, stateAfter, uniquePrefix, waitFor, type TestRelay } from './support/relays.ts';

const brokers = inject('kafkaBrokers');
const prefix = uniquePrefix('codecs');
const topics = topicNames(prefix);
const COMMITTED_KINDS: Kind[] = ['smoke', 'door_open', 'face_access', 'theft'];
const IDEMPOTENT = 40;
const COMMITTED = 30;
const ABORTED = 20;

/** Each codec's Java events go to compounds of their own, so the relay's per-compound counts say per codec. */
const compoundsOf = (codec: number) => COMPOUNDS.slice(codec * 8, codec * 8 + 8);

const zeroBySource = (): Record<Source, number> => perSource(() => 0);

describe('batches from the Java client and the simulator, with every codec', () => {
  let live: TestRelay;
  let dir: string;
  const javaCommitted = zeroBySource();
  const simulated = zeroBySource();
  /** Figures for the closing note, printed at the end. */
  const figures: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'it-codecs-'));
    await createTopics(brokers, [topics.sensor, topics.camera, topics.alarm110, topics.deadletter], { partitions: 3 });
    live = await startTestRelay({ brokers, prefix });
    await live.relay.caughtUp;
  });

  afterAll(async () => {
    await live?.relay.close();
    await rm(dir, { recursive: true, force: true });
    console.log(figures.join('\n'));
  });

  it('counts every committed event of the Java client once, and no aborted one', async () => {
    const script: ProducerCommand[] = [];
    const send = (kind: Kind, compoundId: string, note?: string) => {
      const event = eventOf(kind, { compoundId, ...(note ? { note } : {}) });
      script.push({ send: { topic: topics[sourceOfKind(kind)], key: compoundId, value: JSON.stringify(event) } });
      return sourceOfKind(kind);
    };
    COMPRESSION_NAMES.forEach((codec, c) => {
      const compounds = compoundsOf(c);
      const pick = (i: number) => ({ kind: COMMITTED_KINDS[i % COMMITTED_KINDS.length]!, compoundId: compounds[i % compounds.length]! });
      script.push({ producer: `idempotent-${codec}`, settings: { 'compression.type': codec, 'enable.idempotence': 'true' } });
      for (let i = 0; i < IDEMPOTENT; i++) javaCommitted[send(pick(i).kind, pick(i).compoundId)]++;
      script.push({ producer: `transactional-${codec}`, settings: { 'compression.type': codec, 'transactional.id': `${prefix}-${codec}` } });
      script.push({ transaction: 'begin' });
      for (let i = 0; i < COMMITTED; i++) javaCommitted[send(pick(i).kind, pick(i).compoundId)]++;
      script.push({ transaction: 'commit' });
      script.push({ transaction: 'begin' });
      for (let i = 0; i < ABORTED; i++) send('burglary', compounds[i % compounds.length]!, 'aborted: must never count');
      script.push({ transaction: 'abort' });
    });
    await runJavaProducer(brokers, script);

    const committed = SOURCES.reduce((sum, source) => sum + javaCommitted[source], 0);
    await waitFor('the committed events', async () => ((await metric(live.url, 'relay_events_consumed_total')) >= committed ? true : undefined), 30_000);
    const state = await stateAfter(live.url, Date.now());
    expect(state.totals).toEqual(javaCommitted);
    expect(state.byKind.burglary).toBe(0);
    expect(await metric(live.url, 'relay_events_consumed_total')).toBe(committed);
    expect(await metric(live.url, 'relay_events_duplicate_total')).toBe(0);
    expect(await metric(live.url, 'relay_batches_skipped_total')).toBe(0);
    expect(Object.values(state.rejected).reduce((a, b) => a + b, 0)).toBe(0);
    COMPRESSION_NAMES.forEach((codec, c) => {
      const counted = state.compounds.filter((compound) => compoundsOf(c).includes(compound.id)).reduce((sum, compound) => sum + compound.today, 0);
      expect(counted, codec).toBe(IDEMPOTENT + COMMITTED);
      figures.push(`CODECS Java client, ${codec}: produced ${IDEMPOTENT + COMMITTED + ABORTED} (${IDEMPOTENT} idempotent, ${COMMITTED} committed, ${ABORTED} aborted), counted ${counted}`);
    });
  });

  it('counts what the simulator sends with each codec', async () => {
    for (const [seed, codec] of COMPRESSION_NAMES.entries()) {
      const report = join(dir, `${codec}.json`);
      const argv = ['--profile', 'load', '--rate', '300', '--duration', '1s', '--seed', String(100 + seed), '--brokers', brokers, '--topic-prefix', prefix];
      const lines: string[] = [];
      const code = await runCli([...argv, '--compression', codec, '--relay', live.url, '--probes', '0', '--report', report], (line) => lines.push(line), {});
      expect(code, lines.join('\n')).toBe(0);
      const { sent, delivery, target } = JSON.parse(await readFile(report, 'utf8')) as RunReport;
      const total = delivery && 'total' in delivery ? delivery.total : null;
      expect(total, codec).toMatchObject({ loss: 0, dup: 0 });
      expect(total?.delivered, codec).toBe(total?.sent);
      if (codec !== 'none') expect(target).toContain(codec);
      for (const source of SOURCES) simulated[source] += sent.bySource[source].events - sent.bySource[source].closed;
      figures.push(`CODECS simulator, ${codec}: sent ${sent.events} (${closedOf(sent)} of them closes), relay counted ${total?.delivered} of ${total?.sent} counted kinds`);
    }
    expect((await stateAfter(live.url, Date.now())).totals).toEqual(sum(javaCommitted, simulated));
  });

  it('rebuilds the same figures in a relay started afterwards, which gets ready past the transaction markers', async () => {
    const rebuilt = await startTestRelay({ brokers, prefix });
    try {
      await waitFor('the rebuilt relay to be ready', () => (rebuilt.relay.isReady() ? true : undefined), 30_000);
      const [before, after] = [await getState(live.url), await getState(rebuilt.url)];
      expect(after.totals).toEqual(sum(javaCommitted, simulated));
      expect(after.byKind).toEqual(before.byKind);
      expect(after.byKind.burglary).toBe(before.byKind.burglary);
      expect(await metric(rebuilt.url, 'relay_consumer_lag')).toBe(0);
    } finally {
      await rebuilt.relay.close();
    }
  });
});

function closedOf(sent: RunReport['sent']): number {
  return SOURCES.reduce((total, source) => total + sent.bySource[source].closed, 0);
}

function sum(a: Record<Source, number>, b: Record<Source, number>): Record<Source, number> {
  return perSource((source) => a[source] + b[source]);
}
