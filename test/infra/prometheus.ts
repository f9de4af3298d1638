// Prometheus itself, to scrape the relay as an operator's would: Debian's package, fetched with
// `apt-get download` and unpacked (not installed: no service, no user, nothing outside the cache)
// into test/.cache/prometheus, once. Started on a free port with a configuration of the test's.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.ts';
import { cancelKillOnExit, killOnExit } from './processControl.ts';

const CACHE_DIR = fileURLToPath(new URL('../.cache/prometheus/', import.meta.url));
export const PROMETHEUS_PATH = join(CACHE_DIR, 'prometheus');

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.error || result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr.trim().split('\n').at(-1)}`);
  }
}

/** Makes sure the Prometheus binary is cached; returns its path. */
export function ensurePrometheus(): string {
  if (existsSync(PROMETHEUS_PATH)) return PROMETHEUS_PATH;
  console.log(`prepare: fetching Debian's prometheus package into ${CACHE_DIR} (once)…`);
  const work = mkdtempSync(join(tmpdir(), 'prometheus-deb-'));
  try {
    try {
      run('apt-get', ['download', '-qq', 'prometheus'], work);
    } catch {
      // Package lists not fetched yet on a fresh machine.
      run('apt-get', ['update', '-qq'], work);
      run('apt-get', ['download', '-qq', 'prometheus'], work);
    }
    const deb = readdirSync(work).find((name) => name.endsWith('.deb'));
    if (!deb) throw new Error('apt-get download prometheus left no .deb');
    run('dpkg-deb', ['-x', deb, 'root'], work);
    mkdirSync(CACHE_DIR, { recursive: true });
    // Copied last, so an interrupted fetch never leaves a binary that looks complete.
    copyFileSync(join(work, 'root/usr/bin/prometheus'), `${PROMETHEUS_PATH}.partial`);
    renameSync(`${PROMETHEUS_PATH}.partial`, PROMETHEUS_PATH);
    return PROMETHEUS_PATH;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface RunningPrometheus {
  url: string;
  stop(): Promise<void>;
}

/** Prometheus with this configuration (YAML), its data in a temporary directory. */
export async function startPrometheus(config: string): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'prometheus-'));
  writeFileSync(join(dir, 'prometheus.yml'), config);
  const port = await freePort();
  const child: ChildProcess = spawn(
    PROMETHEUS_PATH,
    [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: 'ignore' },
  );
  killOnExit(child.pid!);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      cancelKillOnExit(child.pid!);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
