// Over 10,000 hostile messages, interleaved with valid traffic, on the three source topics. The
// relay must stay up; refuse each one for the reason it deserves, count it under that reason and
// write it to the dead-letter topic; count the valid traffic exactly (markup in a valid event's
// text is valid, and is kept as the literal text); and refuse an id reused for different content
// as a conflict (dead-lettered, the first event standing), not count it a second time.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REJECT_REASONS, topicNames, type ProducerEvent, type RejectReason } from '../../relay/contract/index.ts';
import type { DeadLetterBody } from '../../relay/ingest/deadLetter.ts';
import { createTopics } from '../infra/kafkaBroker.ts';
import { consumeRecords, type OutgoingRecord } from '../infra/kafkaRecords.ts';
import { EventProducer, recordOf } from '../integration/support/events.ts';
import { getState, metric, spawnRelay, uniquePrefix, waitFor, type ChildRelay } from '../integration/support/relays.ts';
import { hostileButValid, hostileMessages, type HostileMessage } from './support/hostileMessages.ts';
import { recordsInSourceTopics } from './support/kafkaCounts.ts';
import { MiB, peak, sampleRelayMemory, type MemorySampler } from './support/memorySampler.ts';
import { settledState } from './support/settled.ts';
import { expectedFigures, sum, trafficMaker } from './support/traffic.ts';

const brokers = inject('kafkaBrokers');
const prefix = uniquePrefix('fault-hostile');
const topics = topicNames(prefix);
const VALID = 6_000;
const HOSTILE_BUT_VALID = 300;
const REUSED_IDS = 500;
// Bytes per produce request: a record batch per partition must stay under the broker's 1 MB.
const REQUEST_BYTES = 512 * 1024;

const sizeOf = (record: OutgoingRecord) => (record.value === null ? 0 : Buffer.byteLength(record.value));
// One broken upstream adapter sends them all, so they crowd one partition of each topic.
const hostileRecord = ({ source, value }: HostileMessage): OutgoingRecord => ({ topic: topics[source], key: 'broken-adapter', value });

/** Sends the records in order, in requests of at most REQUEST_BYTES (a bigger record alone). */
async function sendAll(producer: EventProducer, records: readonly OutgoingRecord[]): Promise<void> {
  let request: OutgoingRecord[] = [];
  let bytes = 0;
  for (const record of records) {
    if (request.length > 0 && bytes + sizeOf(record) > REQUEST_BYTES) {
      await producer.send(request);
      request = [];
      bytes = 0;
    }
    request.push(record);
    bytes += sizeOf(record);
  }
  if (request.length > 0) await producer.send(request);
}

/** `a` with the items of `b` spread evenly through it, each list keeping its own order. */
function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const merged: T[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    merged.push(a[i]!);
    while (j < b.length && j * a.length <= i * b.length) merged.push(b[j++]!);
  }
  return merged.concat(b.slice(j));
}

const tally = <T extends string>(items: readonly T[]) => {
  const counts: Partial<Record<T, number>> = {};
  for (const item of items) counts[item] = (counts[item] ?? 0) + 1;
  return counts;
};

describe('over 10,000 hostile messages among valid traffic', () => {
  let relay: ChildRelay;
  let producer: EventProducer;
  // What the first relay was found to show, for the one that rebuilds from the same topics.
  let shown: { rejected: Record<RejectReason, number>; totals: Record<string, number>; letters: number } | null = null;
  let memory: MemorySampler | undefined;

  beforeAll(async () => {
    // The dead-letter topic as the relay creates it: the cluster's default partitions.
    await createTopics(brokers, [topics.sensor, topics.camera, topics.alarm110], { partitions: 3 });
    producer = await EventProducer.connect(brokers);
    relay = await spawnRelay({ brokers, prefix, tickHz: 4 });
    await waitFor('the relay to be ready', async () => ((await fetch(`${relay.url}/readyz`)).ok ? true : undefined), 30_000);
    memory = sampleRelayMemory(relay.url);
  });

  afterAll(async () => {
    memory?.stop();
    await relay?.kill('SIGTERM');
    await producer?.close();
  });

  it('refuses each for its reason, dead-letters every one, and counts the valid traffic exactly', async () => {
    const now = Date.now();
    const hostile = hostileMessages(now);
    const make = trafficMaker();
    const valid: ProducerEvent[] = Array.from({ length: VALID }, (_, n) => make(n));
    const odd = hostileButValid(now, HOSTILE_BUT_VALID) as unknown as ProducerEvent[];
    const accepted = [...valid, ...odd];
    const started = Date.now();
    await sendAll(producer, interleave(hostile.map(({ message }) => hostileRecord(message)), accepted.map((event) => recordOf(prefix, event))));

    // Each id once more with other content: after the originals are counted, and on the same
    // partition (same kind and compound), so which copy comes first is the same for every relay.
    const expected = expectedFigures(accepted);
    await settledState(relay.url, sum(expected.totals), 120_000);
    const reused = valid.slice(0, REUSED_IDS).map((event) => ({ ...event, severity: 'critical' as const, deviceId: 'forged', note: 'same id, other content' }));
    await sendAll(producer, reused.map((event) => recordOf(prefix, event)));
    const sent = hostile.length + accepted.length + reused.length;
    await waitFor('the relay to read every message', async () => ((await metric(relay.url, 'relay_events_consumed_total')) === sent ? true : undefined), 60_000);
    const seconds = (Date.now() - started) / 1000;

    const expectedRejects: Partial<Record<RejectReason, number>> = { ...tally(hostile.map(({ message }) => message.expect)), id_conflict: REUSED_IDS };
    const rejectedTotal = sum(expectedRejects);
    // Dead letters go out after the ingest that refused them: wait until each is written or dropped.
    await waitFor('the dead letters', async () => {
      const done = (await metric(relay.url, 'relay_deadletter_written_total')) + (await metric(relay.url, 'relay_deadletter_dropped_total'));
      return done >= rejectedTotal ? true : undefined;
    }, 60_000);
    expect(await metric(relay.url, 'relay_deadletter_dropped_total')).toBe(0);
    const letters = (await consumeRecords(brokers, [topics.deadletter], rejectedTotal, 90_000)).map((record) => ({
      key: record.key,
      body: JSON.parse(String(record.value)) as DeadLetterBody,
    }));
    const state = await getState(relay.url);
    const dropped = await metric(relay.url, 'relay_deadletter_dropped_total');
    console.log(
      `FAULTS hostile messages: ${hostile.length + reused.length} tried (${hostile.length} refused in ${Object.keys(expectedRejects).length} reasons, ` +
        `${reused.length} ids reused) among ${accepted.length} valid (${odd.length} with markup or prototype names); ` +
        `${sent} read in ${seconds.toFixed(1)} s; ${letters.length} dead letters, ${dropped} dropped; ` +
        `relay peak RSS ${(peak(memory!.samples, 'rss') / MiB).toFixed(0)} MiB`,
    );

    // Every reason exactly, the absent ones at zero.
    const zeros = Object.fromEntries(REJECT_REASONS.map((reason) => [reason, 0]));
    expect(state.rejected).toEqual({ ...zeros, ...expectedRejects });
    for (const [reason, count] of Object.entries(expectedRejects)) {
      expect(await metric(relay.url, 'relay_events_rejected_total', { reason })).toBe(count);
    }
    // Every refused message in the dead-letter topic once, under its own reason.
    expect(await metric(relay.url, 'relay_deadletter_written_total')).toBe(rejectedTotal);
    expect(tally(letters.map((letter) => letter.body.reason))).toEqual(expectedRejects);
    expect(new Set(letters.map((letter) => letter.key)).size).toBe(rejectedTotal);
    expect(letters.every((letter) => letter.body.value === null || letter.body.value.length <= 2_048)).toBe(true);

    // The valid traffic exactly; the reused ids refused as conflicts, not counted as events.
    expect(state.totals).toEqual(expected.totals);
    expect(state.byKind).toMatchObject(expected.byKind);
    expect(state.open.total).toBe(expected.open);
    expect(await metric(relay.url, 'relay_events_duplicate_total')).toBe(0);
    expect(await recordsInSourceTopics(brokers, prefix)).toBe(sent);

    // Markup in valid text is kept as the literal text, and no prototype was polluted on the way.
    const notes = new Set(state.feed.map((item) => item.note));
    expect(notes).toContain('<script>window.__pwned=1</script>');
    expect(notes).toContain('<img src=x onerror="window.__pwned=1">');
    expect(JSON.stringify(state)).not.toContain('polluted');

    expect(relay.child.exitCode).toBeNull();
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
    shown = { rejected: state.rejected, totals: state.totals, letters: rejectedTotal };
  });

  it('are refused and dead-lettered the same by a relay that rebuilds from the backlog at full speed', async () => {
    expect(shown).not.toBeNull();
    const rebuilt = await spawnRelay({ brokers, prefix, tickHz: 4 });
    try {
      const started = Date.now();
      await waitFor('the rebuild', async () => ((await fetch(`${rebuilt.url}/readyz`)).ok ? true : undefined), 60_000);
      const seconds = (Date.now() - started) / 1000;
      // Dead letters go out after the ingest that refused them.
      await waitFor('the dead letters', async () => {
        const done = (await metric(rebuilt.url, 'relay_deadletter_written_total')) + (await metric(rebuilt.url, 'relay_deadletter_dropped_total'));
        return done >= shown!.letters ? true : undefined;
      }, 60_000);
      const state = await getState(rebuilt.url);
      const dropped = await metric(rebuilt.url, 'relay_deadletter_dropped_total');
      console.log(`FAULTS hostile backlog rebuilt in ${seconds.toFixed(1)} s; dead letters written ${shown!.letters - dropped}, dropped ${dropped}`);
      expect(state.rejected).toEqual(shown!.rejected);
      expect(state.totals).toEqual(shown!.totals);
      expect(dropped).toBe(0);
    } finally {
      await rebuilt.kill('SIGTERM');
    }
  });
});
