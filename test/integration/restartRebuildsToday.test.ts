// State lives in Kafka: a relay killed with SIGKILL and started again reads the topics from
// yesterday's local midnight (offsets by timestamp), reports ready only once it has caught up,
// and then shows the same figures — today's and yesterday's — as before. A wall that reconnects
// meanwhile is told the relay is rebuilding and is sent no partial figures: it keeps the ones it
// had until the relay is ready.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { topicNames, type Kind, type ProducerEvent } from '../../relay/contract/index.ts';
import { createDayClock } from '../../relay/state/dayClock.ts';
import type { Snapshot } from '../../relay/state/index.ts';
import { createTopics } from '../infra/kafkaBroker.ts';
import { COMPOUNDS, EventProducer, eventOf, recordOf } from './support/events.ts';
import { getState, metric, spawnRelay, uniquePrefix, waitFor, type ChildRelay } from './support/relays.ts';
import { connectWall, type TestWall } from './support/walls.ts';

const brokers = inject('kafkaBrokers');
const prefix = uniquePrefix('restart');
const topics = topicNames(prefix);
const KINDS: Kind[] = ['door_open', 'smoke', 'face_access', 'vehicle_pass', 'street_vendor', 'theft', 'dispute'];
const BULK = 20_000;

/** What must survive a restart: every figure that does not move with the clock by itself. */
function figures(s: Snapshot) {
  return {
    day: s.day,
    totals: s.totals,
    byKind: s.byKind,
    alerts: s.alerts,
    hourly: s.hourly,
    closure: s.closure,
    rejected: s.rejected,
    open: s.open.total,
    bySeverity: s.open.bySeverity,
    compounds: s.compounds,
    committees: s.committees,
    areas: s.areas,
    yesterday: { day: s.yesterday.day, totals: s.yesterday.totals, byKind: s.yesterday.byKind },
    lastTs: Object.values(s.freshness).map((f) => f.lastTs),
  };
}

/** Polls /readyz from the moment the relay answers; the statuses seen until it is ready. */
async function readiness(relay: ChildRelay): Promise<{ statuses: number[]; firstReady: Snapshot; readyAt: number }> {
  const statuses: number[] = [];
  let readyAt = 0;
  const firstReady = await waitFor(
    'the relay to be ready',
    async () => {
      const status = (await fetch(`${relay.url}/readyz`)).status;
      statuses.push(status);
      if (status !== 200) return undefined;
      readyAt = Date.now();
      return getState(relay.url);
    },
    30_000,
  );
  return { statuses, firstReady, readyAt };
}

describe('a relay killed and restarted', () => {
  let producer: EventProducer;
  const relays: ChildRelay[] = [];
  const clock = createDayClock('Asia/Shanghai');
  const today = clock.dayOf(Date.now());
  const yesterdayStart = clock.dayOf(today.start - 1).start;
  /** Messages stamped since yesterday's midnight: what a rebuild reads. */
  let readable = 0;

  beforeAll(async () => {
    await createTopics(brokers, [topics.sensor, topics.camera, topics.alarm110, topics.deadletter], { partitions: 2 });
    producer = await EventProducer.connect(brokers);
    // Stamped (in Kafka) before yesterday's midnight: outside the rebuild, though its own ts is today.
    const beforeRebuild = yesterdayStart - 3_600_000;
    await producer.send(
      COMPOUNDS.slice(0, 8).map((compoundId) => recordOf(prefix, eventOf('elderly_sos', { compoundId }), beforeRebuild)),
    );
    const yesterdayNoon = yesterdayStart + 12 * 3_600_000;
    await producer.send([recordOf(prefix, eventOf('gas_leak', { ts: yesterdayNoon }), yesterdayNoon)]);

    const events: ProducerEvent[] = [];
    for (let i = 0; i < BULK; i++) {
      const kind = KINDS[i % KINDS.length]!;
      events.push(eventOf(kind, { compoundId: COMPOUNDS[i % COMPOUNDS.length]!, ts: Date.now() - 60_000 + (i % 1000) }));
      // Every tenth incident is closed again.
      const opened = events[events.length - 1]!;
      if (i % 10 === 0 && kind !== 'face_access' && kind !== 'vehicle_pass') {
        events.push(eventOf(kind, { compoundId: opened.compoundId!, status: 'closed', ref: opened.id }));
      }
    }
    const records = events.map((event) => recordOf(prefix, event));
    records.push(recordOf(prefix, events[5]!), recordOf(prefix, events[6]!), { topic: topics.camera, value: '{not json' });
    for (let i = 0; i < records.length; i += 5_000) await producer.send(records.slice(i, i + 5_000));
    readable = 1 + records.length;
  });

  afterAll(async () => {
    for (const relay of relays) await relay.kill('SIGKILL');
    await producer?.close();
  });

  it('reports ready only once caught up, then the same figures as before it was killed', async () => {
    const first = await spawnRelay({ brokers, prefix });
    relays.push(first);
    const { statuses, firstReady } = await readiness(first);
    expect(statuses).toContain(503);
    expect(firstReady.totals.sensor + firstReady.totals.camera + firstReady.totals.alarm110).toBe(BULK);
    expect(firstReady.byKind.elderly_sos).toBe(0);
    expect(firstReady.yesterday.byKind.gas_leak).toBe(1);
    expect(firstReady.rejected.invalid_json).toBe(1);

    // Live traffic after the rebuild belongs to the figures as well.
    await producer.send([recordOf(prefix, eventOf('burglary', { compoundId: COMPOUNDS[77]! }))]);
    const before = await waitFor('the live event', async () => {
      const s = await getState(first.url);
      return s.byKind.burglary === 1 ? s : undefined;
    });
    const wall = await connectWall(first.url, undefined, { reconnect: true });
    const total = (w: TestWall) => (w.view ? w.view.totals.sensor + w.view.totals.camera + w.view.totals.alarm110 : null);
    await waitFor('the wall to show the live event', () => (wall.view?.byKind.burglary === 1 ? true : undefined));
    const shownBefore = total(wall);
    // Every total the wall showed from here on, after each snapshot or delta it applied.
    const shown: (number | null)[] = [];
    for (const event of ['snapshot', 'delta'] as const) wall.socket.on(event, () => shown.push(total(wall)));
    const snapshotsBefore = wall.snapshots;
    let backAt = Infinity;
    wall.socket.io.once('reconnect', () => (backAt = Date.now()));
    await first.kill('SIGKILL');

    try {
      const second = await spawnRelay({ brokers, prefix, port: Number(new URL(first.url).port) });
      relays.push(second);
      const again = await readiness(second);
      expect(again.statuses).toContain(503);
      expect(figures(again.firstReady)).toEqual(figures(before));
      expect(await metric(second.url, 'relay_events_consumed_total')).toBe(readable + 1);

      await waitFor('the wall to get the rebuilt figures', () => (wall.snapshots > snapshotsBefore ? true : undefined));
      // A wall back a few ticks before the rebuild ended heard the heartbeat (when its reconnect
      // lands after a quick rebuild there is none to hear; kafkaAbsentAtStart covers a long one).
      if (again.readyAt - backAt > 1_000) expect(wall.rebuildingBeats.length).toBeGreaterThan(0);
      // Whenever it came back, it saw nothing partial.
      expect(new Set(shown)).toEqual(new Set([shownBefore]));
      expect(wall.view && figures(wall.view)).toEqual(figures(before));
    } finally {
      wall.close();
    }
  });
});
