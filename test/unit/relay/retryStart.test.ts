import { describe, expect, it } from 'vitest';
import { startWithRetry } from '../../../relay/ingest/retryStart.ts';

const noFailures = { retryMs: 1, onFailure: () => undefined };

describe('starting against an upstream that may not be there yet', () => {
  it('tries again after each failure until an attempt succeeds, reporting every failure', async () => {
    let attempts = 0;
    const failures: [string, number][] = [];
    const start = startWithRetry(
      async () => {
        if (++attempts < 4) throw new Error(`down ${attempts}`);
        return 'connected';
      },
      { retryMs: 1, onFailure: (error, attempt) => failures.push([(error as Error).message, attempt]) },
    );
    expect(await start.result).toBe('connected');
    expect(failures).toEqual([
      ['down 1', 1],
      ['down 2', 2],
      ['down 3', 3],
    ]);
  });

  it('gives up waiting when stopped, with no result and no further attempt', async () => {
    let attempts = 0;
    const start = startWithRetry(
      async () => {
        attempts++;
        throw new Error('down');
      },
      { retryMs: 60_000, onFailure: () => undefined },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await start.stop()).toBeNull();
    expect(attempts).toBe(1);
  });

  it('hands over what an attempt in flight when stopped produced, so the caller can close it', async () => {
    let finish: (value: string) => void = () => undefined;
    const start = startWithRetry(() => new Promise<string>((resolve) => (finish = resolve)), noFailures);
    const stopped = start.stop();
    finish('late connection');
    expect(await stopped).toBe('late connection');
  });

  it('does not report the failure of an attempt that ends after it was stopped', async () => {
    let fail: (error: Error) => void = () => undefined;
    const failures: unknown[] = [];
    const start = startWithRetry(() => new Promise<string>((_, reject) => (fail = reject)), {
      retryMs: 1,
      onFailure: (error) => failures.push(error),
    });
    const stopped = start.stop();
    fail(new Error('closed under it'));
    expect(await stopped).toBeNull();
    expect(failures).toEqual([]);
  });
});
