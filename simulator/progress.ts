// The progress bar on a terminal: events sent (of the expected total, when known), the current
// rate and the elapsed time, on stderr. Silent when stderr is not a terminal (CI logs, pipes).
import { SingleBar } from 'cli-progress';
import { RecentRate } from './measure/recentRate.ts';

export interface Progress {
  /** The running total of events handed to the target. */
  update(sent: number, at: number): void;
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };
const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** `expected`: how many events the run will send, when the profile says; null otherwise. */
export function createProgress(expected: number | null, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return silent;
  const format =
    expected === null
      ? 'simulate {sent} events | {rate}/s | {duration_formatted}'
      : 'simulate [{bar}] {percentage}% | {sent}/{expected} events | {rate}/s | {duration_formatted}';
  const bar = new SingleBar({ format, stream, clearOnComplete: true, hideCursor: true, barsize: 30 });
  const recent = new RecentRate();
  // Without a known total the bar only counts; its percentage is not shown.
  bar.start(expected ?? 1, 0, { sent: '0', expected: count(expected ?? 0), rate: '0' });
  return {
    update(sent, at) {
      const rate = recent.update(sent, at);
      bar.update(expected === null ? 0 : Math.min(sent, expected), { sent: count(sent), rate: count(rate) });
    },
    stop: () => bar.stop(),
  };
}
