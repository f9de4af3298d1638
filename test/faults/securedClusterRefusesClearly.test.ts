// A secured cluster that will not serve the relay: a wrong password, a CA that did not sign the
// broker's certificate, a user without any ACL. Each relay keeps serving (alive, not ready), says
// why in /readyz's body and in one log line, tells its walls the upstream is unavailable, and
// tries again calmly — no crash loop, no line per attempt. The simulator with a wrong password
// stops with one line and exit status 1.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { topicNames } from '../../relay/contract/index.ts';
import { runCli } from '../../simulator/program.ts';
import { createTopics } from '../infra/kafkaBroker.ts';
import { metric, spawnRelay, uniquePrefix, waitFor, type ChildRelay } from '../integration/support/relays.ts';
import { secureEnv } from '../integration/support/secure.ts';
import { connectWall, type TestWall } from '../integration/support/walls.ts';

const brokers = inject('kafkaBrokers');
const secure = inject('kafkaSecure');
const prefix = uniquePrefix('fault-secured');
// Once a relay says why: long enough for its next attempt (10 s after a refusal) to fail too.
const WATCH_MS = 11_000;

interface Readiness {
  status: string;
  upstream: string;
  reason?: string;
}

describe.skipIf(secure === null)('a secured cluster that refuses the relay', () => {
  const listener = secure!;
  const relays: ChildRelay[] = [];
  const walls: TestWall[] = [];
  afterAll(async () => {
    for (const wall of walls) wall.close();
    for (const relay of relays) await relay.kill('SIGKILL');
  });

  const cases = [
    { name: 'a wrong password', env: { ...secureEnv(listener, 'SCRAM-SHA-256'), KAFKA_SASL_PASSWORD: 'not-the-password' }, reason: /^Kafka refused the SASL credentials \(SASL SCRAM SHA256 authentication failed/ },
    { name: 'an untrusted CA', env: { ...secureEnv(listener, 'PLAIN'), KAFKA_TLS_CA_FILE: listener.untrustedCaFile }, reason: /^the broker's TLS certificate is not trusted \(.*self-signed certificate/ },
    { name: 'a missing ACL', env: secureEnv(listener, 'SCRAM-SHA-512', listener.stranger), reason: /^Kafka denied access: TOPIC_AUTHORIZATION_FAILED/ },
  ];

  it('keeps serving, says why once, and tells walls the upstream is unavailable', async () => {
    await createTopics(brokers, Object.values(topicNames(prefix)));
    const started = await Promise.all(cases.map(({ env }) => spawnRelay({ brokers: listener.brokers, prefix, env, logLevel: 'warn' })));
    relays.push(...started);
    // A relay that never caught up sends walls no figures, only its upstream status.
    for (const relay of started) walls.push(await connectWall(relay.url, undefined, { snapshot: false }));
    // kafkajs retries a failed connection for a few seconds before the relay hears of it.
    const reasonOf = async (url: string) => ((await (await fetch(`${url}/readyz`)).json()) as Readiness).reason;
    for (const relay of started) await waitFor(`a reason on ${relay.url}/readyz`, () => reasonOf(relay.url), 40_000);
    await sleep(WATCH_MS);

    for (const [i, { name, reason }] of cases.entries()) {
      const relay = started[i]!;
      expect(relay.child.exitCode, name).toBeNull();
      expect((await fetch(`${relay.url}/healthz`)).status, name).toBe(200);
      const response = await fetch(`${relay.url}/readyz`);
      const body = (await response.json()) as Readiness;
      expect(response.status, name).toBe(503);
      expect(body, name).toMatchObject({ status: 'rebuilding', upstream: 'unavailable' });
      expect(body.reason, name).toMatch(reason);
      expect(walls[i]!.upstream, name).toMatchObject({ available: false });
      expect(walls[i]!.snapshots, name).toBe(0);
      expect(await metric(relay.url, 'relay_upstream_available'), name).toBe(0);
      // Besides the wall not being built for this test.
      const warnings = relay.logs().filter((line) => (line.level ?? 0) >= 40 && !line.msg?.startsWith('the wall is not built'));
      expect(warnings.map((line) => line.msg), name).toEqual([`Kafka does not serve the relay: ${body.reason}; retrying`]);
      console.log(`FAULTS secured cluster, ${name}: /readyz 503 ${JSON.stringify(body)}; one log line, still one ${WATCH_MS / 1000} s later; walls told upstream unavailable`);
    }
  });

  it('stops the simulator with one line when its password is wrong', async () => {
    const lines: string[] = [];
    const argv = ['--profile', 'load', '--rate', '10', '--duration', '1s', '--brokers', listener.brokers, '--topic-prefix', prefix];
    const code = await runCli(argv, (line) => lines.push(line), { ...secureEnv(listener, 'PLAIN'), KAFKA_SASL_PASSWORD: 'wrong' });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^simulate: Kafka refused the SASL credentials \(SASL PLAIN authentication failed.*\) at 127\.0\.0\.1:\d+$/);
  });
});
