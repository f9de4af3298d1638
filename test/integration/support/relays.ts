// Relays for integration tests: in-process (fast, shares the test's event loop) or as a child
// process (`tsx relay/main.ts`) where a test needs SIGKILL or the relay's own memory figures.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseConfig } from '../../../relay/config.ts';
import { setLogLevel } from '../../../relay/log.ts';
import { startRelay, type RunningRelay } from '../../../relay/relay.ts';
import type { Snapshot } from '../../../relay/state/index.ts';
import { freePort } from '../../infra/ports.ts';
import { cancelKillOnExit, killOnExit } from '../../infra/processControl.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
// The relay's own checks of the wall's files are not what these tests are about.
const NO_WALL = '/nonexistent/shiquan-wall';

export interface RelaySettings {
  brokers: string;
  prefix: string;
  tickHz?: number;
  wallToken?: string;
  /** The built wall to serve; none unless given. */
  wallDir?: string;
  /** For a child relay: this port (a restarted relay where walls expect it); a free one unless given. */
  port?: number;
}

function environment(settings: RelaySettings, port: number): Record<string, string> {
  return {
    PORT: String(port),
    KAFKA_BROKERS: settings.brokers,
    TOPIC_PREFIX: settings.prefix,
    TICK_HZ: String(settings.tickHz ?? 4),
    WALL_DIR: settings.wallDir ?? NO_WALL,
    LOG_LEVEL: 'error',
    ...(settings.wallToken ? { WALL_TOKEN: settings.wallToken } : {}),
  };
}

export interface TestRelay {
  url: string;
  relay: RunningRelay;
}

/** A relay in this process on a free port; resolves once it is consuming. */
export async function startTestRelay(settings: RelaySettings): Promise<TestRelay> {
  // Quiet: a broker restart makes kafkajs log connection errors, which are expected here.
  setLogLevel('fatal');
  const config = parseConfig([], { ...environment(settings, 1), PORT: undefined });
  const relay = await startRelay({ ...config, port: 0 });
  return { url: `http://127.0.0.1:${relay.port}`, relay };
}

export interface ChildRelay {
  url: string;
  child: ChildProcess;
  /** Everything the relay wrote to stderr, for failure messages. */
  stderr(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** A relay in a child process; resolves once its HTTP server answers. */
export async function spawnRelay(settings: RelaySettings): Promise<ChildRelay> {
  const port = settings.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...environment(settings, port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  killOnExit(child.pid!);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`relay exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`relay did not answer on ${url} in 30 s: ${stderr}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
    await sleep(50);
  }
  return {
    url,
    child,
    stderr: () => stderr,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      cancelKillOnExit(child.pid!);
    },
  };
}

export const uniquePrefix = (name: string) => `it-${name}-${randomUUID().slice(0, 8)}`;

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export const getState = (relayUrl: string) => getJson<Snapshot>(`${relayUrl}/api/state`);

/** Sum of a Prometheus metric's samples whose labels include `labels`. */
export async function metric(relayUrl: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${relayUrl}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const labelText = match[2] ?? '';
    if (Object.entries(labels).every(([key, value]) => labelText.includes(`${key}="${value}"`))) total += Number(match[3]);
  }
  return total;
}

/** Polls until `check` returns a value other than undefined; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError ? ` (${String(lastError)})` : ''}`);
    await sleep(25);
  }
}
