import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function runRelay(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'relay/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, KAFKA_BROKERS: '', PORT: '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe('starting the relay with bad settings', () => {
  it('exits 2 with one line naming the setting', () => {
    const { status, stderr, stdout } = runRelay([], { TICK_HZ: 'fast' });
    expect(status).toBe(2);
    expect(stderr).toBe('relay: TICK_HZ (--tick-hz) must be a number from 0.1 to 60, got "fast"\n');
    expect(stdout).toBe('');
  });

  it('exits 2 with one line when DEMO_DAY is not a day of the historical profile', () => {
    const { status, stderr, stdout } = runRelay([], { DEMO_DAY: '2024-06-05' });
    expect(status).toBe(2);
    expect(stderr).toBe('relay: DEMO_DAY (--demo-day) must be a day the historical profile covers, 2018-01-01…2019-12-31, got "2024-06-05"\n');
    expect(stdout).toBe('');
  });

  it('exits 2 with one line on a bad Kafka security setting, and never echoes a secret', () => {
    const { status, stderr } = runRelay([], { KAFKA_SECURITY_PROTOCOL: 'SASL_SSL', KAFKA_SASL_MECHANISM: 'SCRAM-SHA-1', KAFKA_SASL_PASSWORD: 'hunter2-secret' });
    expect(status).toBe(2);
    expect(stderr).toBe('relay: KAFKA_SASL_MECHANISM must be one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, got "SCRAM-SHA-1"\n');
  });

  it('exits 2 with one line on a short or weak token, without showing it', () => {
    const short = runRelay([], { WALL_TOKEN: 'Tr0ub4dor&3' });
    expect(short.status).toBe(2);
    expect(short.stderr).toBe('relay: WALL_TOKEN (--wall-token) must be at least 16 characters\n');
    const weak = runRelay([], { WALL_TOKEN: '1234567890123456' });
    expect(weak.status).toBe(2);
    expect(weak.stderr).toBe('relay: WALL_TOKEN (--wall-token) is too weak: 6 or more characters in sequence (like abcdef or 123456)\n');
  });

  it('exits 2 with one line on an unknown flag', () => {
    const { status, stderr } = runRelay(['--prot', '8080'], {});
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toEqual(["relay: unknown option '--prot'"]);
  });

  it('prints its settings for --help and exits 0', () => {
    const { status, stdout } = runRelay(['--help'], {});
    expect(status).toBe(0);
    for (const name of ['--port', '--kafka-brokers', 'TOPIC_PREFIX', 'TICK_HZ', 'TIME_ZONE', 'WALL_TOKEN', 'DEMO_DAY', 'DEMO_PACE', 'LOG_LEVEL', 'KAFKA_SECURITY_PROTOCOL', 'KAFKA_SASL_PASSWORD_FILE', 'KAFKA_TLS_CA_FILE', 'ALLOWED_HOSTS', 'ALLOWED_ORIGINS', 'HANDSHAKE_RATE']) {
      expect(stdout).toContain(name);
    }
  });
}, 60_000);
