// The file target: NDJSON to a file or stdout (`-`), waiting for 'drain' when the stream's
// buffer is full so a slow disk or a slow reader of a pipe holds the generator back instead of
// filling memory. And its reverse for `--in`: a file's events, one per line, streamed.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ProducerEvent } from '../../relay/contract/index.ts';
import { decodeLine, encodeBatch } from './ndjson.ts';
import type { Target } from './target.ts';

function describeError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return code ?? message ?? String(error);
}

// Larger than a batch, so the generator fills the buffer while the last write is on disk.
const WRITE_BUFFER_BYTES = 4 * 1024 * 1024;

async function openForWriting(path: string): Promise<Writable> {
  const stream = createWriteStream(path, { highWaterMark: WRITE_BUFFER_BYTES });
  try {
    await once(stream, 'open');
  } catch (error) {
    throw new Error(`cannot write ${path} (${describeError(error)})`);
  }
  return stream;
}

/**
 * A target over any writable stream; `ends` says whether closing it ends the stream (a file)
 * or only waits until what was written has been handed on (stdout).
 */
export function streamTarget(stream: Writable, name: string, ends: boolean): Target {
  let failure: Error | null = null;
  // Recorded here and raised by the next call, so an error between writes is never lost.
  const onError = (error: unknown) => {
    failure ??=
      (error as NodeJS.ErrnoException).code === 'EPIPE'
        ? new Error(`${name} was closed by its reader`)
        : new Error(`cannot write ${name} (${describeError(error)})`);
  };
  stream.on('error', onError);

  async function waitFor(event: 'drain' | 'finish'): Promise<void> {
    // `once` rejects when 'error' comes first; onError has recorded the reason by then.
    await once(stream, event).catch(() => undefined);
    if (failure) throw failure;
  }

  return {
    name,
    timestamps: 'historical',
    async send(events: readonly ProducerEvent[]) {
      if (failure) throw failure;
      if (!stream.write(encodeBatch(events))) await waitFor('drain');
    },
    async close() {
      if (failure) throw failure;
      if (ends) {
        stream.end();
        await waitFor('finish');
      } else if (stream.writableNeedDrain) {
        await waitFor('drain');
      }
      stream.off('error', onError);
    },
  };
}

/** Writes to `path`, or to stdout when `path` is `-`; events keep their historical timestamps. */
export async function openFileTarget(path: string): Promise<Target> {
  if (path === '-') return streamTarget(process.stdout, 'stdout', false);
  return streamTarget(await openForWriting(path), path, true);
}

/** The events of an NDJSON file (or stdin for `-`); throws `FILE:LINE: reason` on a bad line. */
export async function* readEventsFile(path: string): AsyncGenerator<ProducerEvent, void, undefined> {
  const input: Readable = path === '-' ? process.stdin : createReadStream(path);
  const label = path === '-' ? 'stdin' : path;
  const opened = path === '-' ? Promise.resolve() : once(input, 'open');
  try {
    await opened;
  } catch (error) {
    throw new Error(`cannot read ${label} (${describeError(error)})`);
  }
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    try {
      yield decodeLine(line);
    } catch (error) {
      throw new Error(`${label}:${lineNo}: ${(error as Error).message}`);
    }
  }
}
