// The naive relay as a child process of the bench (`tsx test/bench/naive/naiveRelay.ts`), so its
// CPU time can be read apart from everything else; it dies with the bench.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { cancelKillOnExit, killOnExit, terminate } from '../../infra/processControl.ts';
import type { NaiveRelayReady } from './naiveProtocol.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

export interface NaiveRelay {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts it on the topics of `prefix`; resolves once its consumer has joined. */
export async function startNaiveRelay(brokers: string, prefix: string): Promise<NaiveRelay> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/naive/naiveRelay.ts'], {
    cwd: ROOT,
    env: { ...process.env, KAFKA_BROKERS: brokers, TOPIC_PREFIX: prefix },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('cannot start the naive relay');
  killOnExit(pid);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const stop = async () => {
    await terminate(pid, STOP_GRACE_MS);
    cancelKillOnExit(pid);
  };
  const ready = once(child, 'message') as Promise<[NaiveRelayReady]>;
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the naive relay exited (${String(code)}): ${stderr.trim().split('\n').pop() ?? ''}`);
  });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the naive relay did not join its group in ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
  });
  try {
    const [{ port }] = await Promise.race([ready, exited, late]);
    return { url: `http://127.0.0.1:${port}`, pid, stop };
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(timer);
    exited.catch(() => undefined);
  }
}
