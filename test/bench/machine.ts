// The machine and the code a run measured, for the JSON and docs/benchmarks.md: figures from a
// 2-core box shared with other work mean something else than from an idle workstation, and the
// wall and relay change from commit to commit.
import { execFileSync } from 'node:child_process';
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';

const GiB = 2 ** 30;

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  freeMemoryGiB: number;
  os: string;
  node: string;
  /** 1-, 5- and 15-minute load averages when the run started. */
  loadAverage: number[];
}

export function describeMachine(): Machine {
  const processors = cpus();
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    cpus: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    memoryGiB: round(totalmem() / GiB),
    freeMemoryGiB: round(freemem() / GiB),
    os: `Linux ${release()}`,
    node: process.version,
    loadAverage: loadavg().map(round),
  };
}

export interface Revision {
  commit: string;
  /** Uncommitted changes in the working tree (what the bench built and ran). */
  dirty: boolean;
}

/** The git commit the working tree is at; null outside a git checkout. */
export function describeRevision(): Revision | null {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain', '--untracked-files=no') !== '' };
  } catch {
    return null;
  }
}
