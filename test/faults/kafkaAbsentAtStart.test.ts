// The relay starts while nothing listens at its Kafka address (the broker is late after a power
// cut, or down for maintenance). It must serve anyway: alive on /healthz, not ready on /readyz,
// and walls that connect are told upstream is unavailable and that it is rebuilding, with no
// figures (it has none yet). When a broker appears on that address the relay connects by itself,
// becomes ready, and walls get their snapshot and live events.
import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startBroker, type KafkaBroker } from '../infra/kafkaBroker.ts';
import { freePort } from '../infra/ports.ts';
import { EventProducer, eventOf, recordOf } from '../integration/support/events.ts';
import { getJson, metric, spawnRelay, uniquePrefix, waitFor, type ChildRelay } from '../integration/support/relays.ts';
import { connectWall, type TestWall } from '../integration/support/walls.ts';
import { secondsSince } from './support/settled.ts';

// Long enough for several of the relay's attempts to reach Kafka to fail.
const ABSENT_MS = 6_000;

interface Readiness {
  status: string;
  upstream: string;
}

async function readiness(url: string): Promise<{ code: number; body: Readiness }> {
  const response = await fetch(`${url}/readyz`);
  return { code: response.status, body: (await response.json()) as Readiness };
}

// Starts a broker of its own (Java needed), so it does not run against an external cluster.
describe.skipIf(Boolean(process.env.KAFKA_BROKERS))('a relay started before its Kafka broker', () => {
  it('serves and says upstream is unavailable, then recovers when the broker appears', async () => {
    const port = await freePort();
    const prefix = uniquePrefix('fault-absent');
    let relay: ChildRelay | null = null;
    let broker: KafkaBroker | null = null;
    let wall: TestWall | null = null;
    try {
      relay = await spawnRelay({ brokers: `127.0.0.1:${port}`, prefix, tickHz: 4 });
      const { url } = relay;
      wall = await connectWall(url, undefined, { snapshot: false });
      await sleep(ABSENT_MS);

      expect(relay.child.exitCode).toBeNull();
      expect(await getJson(`${url}/healthz`)).toEqual({ status: 'ok' });
      expect(await readiness(url)).toEqual({ code: 503, body: { status: 'rebuilding', upstream: 'unavailable' } });
      expect(await metric(url, 'relay_upstream_available')).toBe(0);
      expect(wall.upstream).toEqual({ available: false, lastContact: null });
      expect(wall.disconnects).toBe(0);
      // Ticks go on as heartbeats, so the wall knows the relay itself is alive; no figures yet.
      expect(wall.rebuildingBeats.length).toBeGreaterThan(ABSENT_MS / 1000);
      expect(wall.deltas + wall.snapshots).toBe(0);
      expect(wall.view).toBeNull();

      const startingAt = Date.now();
      broker = await startBroker({ port });
      const brokerS = secondsSince(startingAt);
      const upAt = Date.now();
      await waitFor('the relay to be ready', async () => ((await readiness(url)).code === 200 ? true : undefined), 60_000);
      const readyS = secondsSince(upAt);
      await waitFor('the wall to hear upstream is back', () => (wall?.upstream?.available ? true : undefined), 30_000);
      const toldS = secondsSince(upAt);

      const producer = await EventProducer.connect(broker.brokers);
      try {
        await producer.send([recordOf(prefix, eventOf('smoke')), recordOf(prefix, eventOf('theft')), recordOf(prefix, eventOf('face_access'))]);
      } finally {
        await producer.close();
      }
      const liveWall = wall;
      await waitFor('the wall to show the events', () => (liveWall.view?.totals.alarm110 === 1 ? liveWall.view : undefined), 30_000);
      console.log(
        `FAULTS Kafka absent at start: relay served ${(ABSENT_MS / 1000).toFixed(0)} s without Kafka (readyz 503, upstream unavailable); ` +
          `broker started in ${brokerS} s; broker up → relay ready ${readyS} s → wall told upstream available ${toldS} s`,
      );
      expect(liveWall.view?.totals).toEqual({ sensor: 1, camera: 1, alarm110: 1, grid: 0, hotline: 0 });
      expect(await readiness(url)).toEqual({ code: 200, body: { status: 'ready', upstream: 'available' } });
      expect(liveWall.disconnects).toBe(0);
    } finally {
      wall?.close();
      await relay?.kill('SIGTERM');
      await broker?.stop();
      if (broker) await rm(broker.dataDir, { recursive: true, force: true });
    }
  });
});
