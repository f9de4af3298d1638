// CPU time another process has used, from /proc/PID/stat (Linux): user plus system time. The
// relays run as child processes, so what each costs is read from outside, the same way for both.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** utime + stime (fields 14 and 15) in clock ticks; the command name in field 2 may hold spaces and ')'. */
export function cpuTicksOfStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).trim().split(/\s+/);
  // `fields` starts at field 3 (the state).
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isInteger(utime) || !Number.isInteger(stime)) throw new Error('not a /proc/PID/stat line');
  return utime + stime;
}

let ticksPerSecond: number | null = null;

function clockTicksPerSecond(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

/** CPU seconds (user + system) the process has used so far. */
export function cpuSecondsOf(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the CPU time of process ${pid} (${(error as NodeJS.ErrnoException).code ?? String(error)}); the bench needs Linux's /proc`);
  }
  return cpuTicksOfStat(stat) / clockTicksPerSecond();
}
