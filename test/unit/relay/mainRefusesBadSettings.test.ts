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

  it('exits 2 with one line on an unknown flag', () => {
    const { status, stderr } = runRelay(['--prot', '8080'], {});
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toEqual(["relay: unknown option '--prot'"]);
  });

  it('prints its settings for --help and exits 0', () => {
    const { status, stdout } = runRelay(['--help'], {});
    expect(status).toBe(0);
    for (const name of ['--port', '--kafka-brokers', 'TOPIC_PREFIX', 'TICK_HZ', 'TIME_ZONE', 'WALL_TOKEN', 'REPLAY_SPEED', 'LOG_LEVEL']) {
      expect(stdout).toContain(name);
    }
  });
}, 60_000);
