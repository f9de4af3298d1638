// The Kafka broker is stopped and started again in the middle of a 2,000 events/s run. The
// producer re-sends what the broker did not acknowledge, as upstream systems do; the relay must
// end with exactly the acknowledged events — none lost, none counted twice (each record in the
// topics consumed once, re-sent copies counted as duplicates) — and walls that stayed connected
// to the relay carry on by themselves, told meanwhile that upstream was unavailable. The
// simulator, publishing on topics of its own meanwhile, rides through too: it waits, sends what
// it held once the broker is back (each event once), and its report shows the gap.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { topicNames } from '../../relay/contract/index.ts';
import { runCli } from '../../simulator/program.ts';
import type { RunReport } from '../../simulator/report/reportData.ts';
import { createTopics, startBroker, type KafkaBroker } from '../infra/kafkaBroker.ts';
import { freePort } from '../infra/ports.ts';
import { metric, spawnRelay, uniquePrefix, waitFor, type ChildRelay } from '../integration/support/relays.ts';
import { connectWall, type TestWall } from '../integration/support/walls.ts';
import { recordsInSourceTopics } from './support/kafkaCounts.ts';
import { secondsSince, settledState } from './support/settled.ts';
import { SteadyProducer } from './support/steadyProducer.ts';
import { expectedFigures, sum, trafficMaker } from './support/traffic.ts';

const RATE = 2_000;
const RUN_MS = 40_000;
const STOP_AFTER_MS = 10_000;
// Longer than the relay's upstream silence limit (5 s), so walls are told.
const MIN_OUTAGE_MS = 7_000;
const TICK_HZ = 4;
const SIMULATOR_RATE = 200;

const wallTotal = (wall: TestWall) => sum(wall.view?.totals ?? {});

// Starts a broker of its own (Java needed), so it does not run against an external cluster.
describe.skipIf(Boolean(process.env.KAFKA_BROKERS))('a broker restart in the middle of a 2,000 events/s run', () => {
  it('loses nothing, counts nothing twice, and walls carry on without reconnecting', async () => {
    const prefix = uniquePrefix('fault-broker');
    const simulatorPrefix = uniquePrefix('fault-broker-simulator');
    const topics = topicNames(prefix);
    let broker: KafkaBroker = await startBroker({ port: await freePort() });
    const { brokers, dataDir } = broker;
    let relay: ChildRelay | null = null;
    const walls: TestWall[] = [];
    const producer = SteadyProducer.create(brokers);
    try {
      await createTopics(brokers, [topics.sensor, topics.camera, topics.alarm110], { partitions: 3 });
      relay = await spawnRelay({ brokers, prefix, tickHz: TICK_HZ });
      const { url } = relay;
      await waitFor('the relay to be ready', async () => ((await fetch(`${url}/readyz`)).ok ? true : undefined), 30_000);
      walls.push(await connectWall(url), await connectWall(url));

      const run = producer.hold(prefix, RATE, RUN_MS, trafficMaker());
      const simulatorReport = join(dataDir, 'simulator.json');
      const simulatorLines: string[] = [];
      const simulatorArgs = ['--profile', 'load', '--rate', String(SIMULATOR_RATE), '--duration', `${RUN_MS / 1000}s`, '--brokers', brokers];
      const simulator = runCli([...simulatorArgs, '--topic-prefix', simulatorPrefix, '--compression', 'snappy', '--report', simulatorReport], (line) => simulatorLines.push(line), {});
      await sleep(STOP_AFTER_MS);
      const stoppedAt = Date.now();
      await broker.stop();
      await sleep(Math.max(0, stoppedAt + MIN_OUTAGE_MS - Date.now()));
      broker = await broker.restart();
      const backAt = Date.now();
      const consumedAtBack = await metric(url, 'relay_events_consumed_total');
      const shownAtBack = walls.map(wallTotal);

      await waitFor('the relay to ingest again', async () => ((await metric(url, 'relay_events_consumed_total')) > consumedAtBack ? true : undefined), 90_000);
      const ingestS = secondsSince(backAt);
      await waitFor('the walls to show new events', () => (walls.every((w, i) => wallTotal(w) > shownAtBack[i]!) ? true : undefined), 90_000);
      const wallS = secondsSince(backAt);

      const { acked, failedSends, longestWaitMs } = await run;
      expect(await simulator, simulatorLines.join('\n')).toBe(0);
      const simulated = JSON.parse(await readFile(simulatorReport, 'utf8')) as RunReport;
      const simulatorGap = simulated.outages.reduce((total, outage) => total + outage.ms, 0);
      const expected = expectedFigures(acked);
      const state = await settledState(url, sum(expected.totals), 90_000);
      const inKafka = await recordsInSourceTopics(brokers, prefix);
      const consumed = await metric(url, 'relay_events_consumed_total');
      const duplicates = await metric(url, 'relay_events_duplicate_total');
      const counted = sum(state.totals);
      console.log(
        `FAULTS broker restart: ${acked.length} events acknowledged (${sum(expected.totals)} counting, the rest closes), ` +
          `relay counted ${counted}, lost ${sum(expected.totals) - counted}; ${inKafka} records in Kafka, ${consumed} consumed, ` +
          `${duplicates} duplicates from ${failedSends} re-sent requests; broker down ${((backAt - stoppedAt) / 1000).toFixed(1)} s; ` +
          `back → relay ingesting ${ingestS} s → walls updated ${wallS} s; longest producer wait ${(longestWaitMs / 1000).toFixed(1)} s; ` +
          `simulator sent ${simulated.sent.events} events, ${await recordsInSourceTopics(brokers, simulatorPrefix)} in Kafka, its report's gap ${(simulatorGap / 1000).toFixed(1)} s`,
      );
      expect(simulatorLines.find((line) => line.startsWith('simulate: Kafka did not take events'))).toBeDefined();
      expect(simulatorGap).toBeGreaterThan(MIN_OUTAGE_MS / 2);
      expect(await recordsInSourceTopics(brokers, simulatorPrefix)).toBe(simulated.sent.events);

      expect(state.totals).toEqual(expected.totals);
      expect(state.byKind).toMatchObject(expected.byKind);
      expect(state.open.total).toBe(expected.open);
      // Each record read once: re-sent copies are the only duplicates.
      expect(consumed).toBe(inKafka);
      expect(duplicates).toBe(inKafka - acked.length);
      expect(Object.values(state.rejected).every((n) => n === 0)).toBe(true);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);

      for (const wall of walls) {
        await waitFor('a wall to show the final figures', () => (wallTotal(wall) === counted ? true : undefined), 10_000);
        expect(wall.view?.totals).toEqual(state.totals);
        expect(wall.disconnects).toBe(0);
        // Told during the outage that upstream was gone, and now that it is back.
        expect(wall.upstreamChanges.find((c) => c.at > stoppedAt && c.at < backAt)?.available).toBe(false);
        expect(wall.upstream?.available).toBe(true);
      }
    } finally {
      for (const wall of walls) wall.close();
      await producer.close();
      await relay?.kill('SIGTERM');
      await broker.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
