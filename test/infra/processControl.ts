// Stopping processes by pid, politely first (the broker flushes its logs on SIGTERM), and
// making sure children die with this process.
import { setTimeout as sleep } from 'node:timers/promises';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(100);
  }
  return true;
}

/** SIGTERM, then SIGKILL if it is still running after `graceMs`; resolves once it is gone. */
export async function terminate(pid: number, graceMs: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  if (await waitForExit(pid, graceMs)) return;
  process.kill(pid, 'SIGKILL');
  if (!(await waitForExit(pid, 5_000))) throw new Error(`process ${pid} survived SIGKILL`);
}

// Children that must not outlive this process. They are killed however it ends (normal exit,
// or a signal nobody else handles), so no test run leaves a JVM behind.
const exitKills = new Set<number>();
let exitHooked = false;

export function killOnExit(pid: number): void {
  exitKills.add(pid);
  if (exitHooked) return;
  exitHooked = true;
  const killAll = () => {
    for (const pid of exitKills) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    exitKills.clear();
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      killAll();
      // Alone, this listener would swallow the signal: give the signal back its default effect.
      if (process.listenerCount(signal) === 1) {
        process.off(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

/** For a child that was stopped on purpose (its pid may be reused later). */
export function cancelKillOnExit(pid: number): void {
  exitKills.delete(pid);
}
