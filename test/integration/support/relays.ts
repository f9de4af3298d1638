// Relays for integration tests: in-process (fast, shares the test's event loop) or as a child
// process (`tsx relay/main.ts`) where a test needs SIGKILL or the relay's own memory figures.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseConfig } from '../../../relay/config.ts';
import { setLogLevel } from '../../../relay/log.ts';
import type { RunningRelay } from '../../../relay/relay.ts';
import { startRelay } from '../../../relay/start.ts';
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
  /** For a child relay: the script to run instead of relay/main.ts. */
  entry?: string;
  /** For a child relay: options for node itself (a profiler's, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
  /** Variables besides those above (Kafka security, HANDSHAKE_RATE, ALLOWED_HOSTS, …). */
  env?: Record<string, string>;
  /** error unless given. */
  logLevel?: string;
}

function environment(settings: RelaySettings, port: number): Record<string, string> {
  return {
    PORT: String(port),
    KAFKA_BROKERS: settings.brokers,
    TOPIC_PREFIX: settings.prefix,
    TICK_HZ: String(settings.tickHz ?? 4),
    WALL_DIR: settings.wallDir ?? NO_WALL,
    LOG_LEVEL: settings.logLevel ?? 'error',
    ...(settings.wallToken ? { WALL_TOKEN: settings.wallToken } : {}),
    ...settings.env,
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
  /** Its JSON log lines (stdout), parsed. */
  logs(): { msg?: string; level?: number; [field: string]: unknown }[];
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** A relay in a child process; resolves once its HTTP server answers. */
export async function spawnRelay(settings: RelaySettings): Promise<ChildRelay> {
  const port = settings.port ?? (await freePort());
  const child = spawn(process.execPath, [...(settings.nodeArgs ?? []), '--import', 'tsx', settings.entry ?? 'relay/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...environment(settings, port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  killOnExit(child.pid!);
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
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
    logs: () => stdout.split('\n').flatMap((line) => (line.startsWith('{') ? [JSON.parse(line) as { msg?: string }] : [])),
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      cancelKillOnExit(child.pid!);
    },
  };
}

export const uniquePrefix = (name: string) => `it-${name}-${randomUUID().slice(0, 8)}`;

/** The header a relay with a WALL_TOKEN wants on /metrics and /api/state. */
export const bearer = (token: string | undefined): Record<string, string> => (token === undefined ? {} : { authorization: `Bearer ${token}` });

/**
 * A GET, asked again once when a kept-alive connection turns out closed: the relay closes idle
 * ones after 5 s, and a test process too busy to notice (a crowd of its own clients) may reuse
 * one just then.
 */
async function get(url: string, token?: string): Promise<Response> {
  try {
    return await fetch(url, { headers: bearer(token) });
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
    return fetch(url, { headers: bearer(token) });
  }
}

export async function getJson<T>(url: string, token?: string): Promise<T> {
  const response = await get(url, token);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export const getState = (relayUrl: string, token?: string) => getJson<Snapshot>(`${relayUrl}/api/state`, token);

/** The state as of a tick at or after `since` (epoch ms): /api/state serves the last tick's view. */
export const stateAfter = (relayUrl: string, since: number, token?: string) =>
  waitFor(`a view of the state taken after ${new Date(since).toISOString()}`, async () => {
    const state = await getState(relayUrl, token);
    return state.at >= since ? state : undefined;
  });

/** Sum of a Prometheus metric's samples whose labels include `labels`. */
export async function metric(relayUrl: string, name: string, labels: Record<string, string> = {}, token?: string): Promise<number> {
  const response = await get(`${relayUrl}/metrics`, token);
  if (!response.ok) throw new Error(`${relayUrl}/metrics: HTTP ${response.status}`);
  const text = await response.text();
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
