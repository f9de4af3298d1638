// A secured cluster: the test broker's SASL_SSL listener (a CA of its own, ACLs enforced). The
// simulator publishes through it with SCRAM-SHA-512; relays connect with each mechanism — PLAIN
// with its password from a file, SCRAM-SHA-256, SCRAM-SHA-512 with a client certificate — and
// each rebuilds exactly what was published, then counts live events too.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { perSource, SOURCES, topicNames, type Source } from '../../relay/contract/index.ts';
import { runCli } from '../../simulator/program.ts';
import type { RunReport } from '../../simulator/report/reportData.ts';
import { createTopics } from '../infra/kafkaBroker.ts';
import { COMPOUNDS, EventProducer, eventOf, recordOf } from './support/events.ts';
import { getState, startTestRelay, uniquePrefix, waitFor, type TestRelay } from './support/relays.ts';
import { secureEnv } from './support/secure.ts';

const brokers = inject('kafkaBrokers');
const secure = inject('kafkaSecure');
const prefix = uniquePrefix('secured');
const topics = topicNames(prefix);
const LIVE = 6;

describe.skipIf(secure === null)('relays and the simulator on a SASL_SSL listener with ACLs', () => {
  const listener = secure!;
  let dir: string;
  const relays: TestRelay[] = [];
  const expected: Record<Source, number> = perSource(() => 0);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'it-secured-'));
    await createTopics(brokers, [topics.sensor, topics.camera, topics.alarm110, topics.deadletter], { partitions: 2 });
  });

  afterAll(async () => {
    for (const relay of relays) await relay.relay.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lets the simulator publish with SCRAM-SHA-512 over TLS', async () => {
    const report = join(dir, 'run.json');
    const lines: string[] = [];
    const argv = ['--profile', 'load', '--rate', '300', '--duration', '1s', '--brokers', listener.brokers, '--topic-prefix', prefix, '--compression', 'zstd', '--report', report];
    const code = await runCli(argv, (line) => lines.push(line), secureEnv(listener, 'SCRAM-SHA-512'));
    expect(code, lines.join('\n')).toBe(0);
    const { sent, options } = JSON.parse(await readFile(report, 'utf8')) as RunReport;
    expect(JSON.stringify(options)).not.toContain(listener.admitted.password);
    for (const source of SOURCES) expected[source] = sent.bySource[source].events - sent.bySource[source].closed;
    expect(sent.events).toBeGreaterThan(0);
  });

  it('rebuilds exactly what was published in relays of every mechanism, then counts live events', async () => {
    const passwordFile = join(dir, 'password');
    await writeFile(passwordFile, `${listener.admitted.password}\n`, { mode: 0o600 });
    const { KAFKA_SASL_PASSWORD: _, ...plainWithoutPassword } = secureEnv(listener, 'PLAIN');
    const envs = [
      { ...plainWithoutPassword, KAFKA_SASL_PASSWORD_FILE: passwordFile },
      secureEnv(listener, 'SCRAM-SHA-256'),
      { ...secureEnv(listener, 'SCRAM-SHA-512'), KAFKA_TLS_CERT_FILE: listener.clientCertFile, KAFKA_TLS_KEY_FILE: listener.clientKeyFile },
    ];
    for (const env of envs) relays.push(await startTestRelay({ brokers: listener.brokers, prefix, env }));
    for (const { relay, url } of relays) {
      await waitFor(`the relay at ${url} to be ready`, () => (relay.isReady() ? true : undefined), 30_000);
      expect((await getState(url)).totals).toEqual(expected);
    }

    const producer = await EventProducer.connect(brokers);
    try {
      await producer.send(Array.from({ length: LIVE }, (_, i) => recordOf(prefix, eventOf('door_open', { compoundId: COMPOUNDS[i]! }))));
    } finally {
      await producer.close();
    }
    const withLive = { ...expected, sensor: expected.sensor + LIVE };
    for (const { url } of relays) {
      await waitFor('the live events', async () => ((await getState(url)).totals.sensor === withLive.sensor ? true : undefined), 15_000);
      expect((await getState(url)).totals).toEqual(withLive);
    }
  });
});
