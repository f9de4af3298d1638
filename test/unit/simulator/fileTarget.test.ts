// The file target writes NDJSON and holds the generator back while the stream is full; the
// reader streams a file back, and the CLI replays it with --in.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProducerEvent } from '../../../relay/contract/index.ts';
import { openFileTarget, readEventsFile, streamTarget } from '../../../simulator/targets/file.ts';
import { cli, readLines, scratchDir } from './helpers.ts';

const events: ProducerEvent[] = [
  { id: 'e1', ts: '2019-04-23T09:00:00.000+08:00', kind: 'illegal_construction', lng: 121.4201, lat: 31.2502, status: 'open' },
  { id: 'e2', ts: 1556002800000, kind: 'theft', compoundId: 'SQ-C05', status: 'open' },
  { id: 'e1-closed', ts: '2019-04-23T11:00:00.000+08:00', kind: 'illegal_construction', lng: 121.4201, lat: 31.2502, status: 'closed', ref: 'e1' },
];

async function collect(path: string): Promise<ProducerEvent[]> {
  const out: ProducerEvent[] = [];
  for await (const event of readEventsFile(path)) out.push(event);
  return out;
}

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await scratchDir()));
afterAll(() => cleanup());

describe('NDJSON file target and reader', () => {
  it('writes one JSON event per line and reads the same events back', async () => {
    const path = join(dir, 'round.ndjson');
    const target = await openFileTarget(path);
    await target.send(events.slice(0, 2));
    await target.send(events.slice(2));
    await target.close();
    expect(await readLines(path)).toEqual(events.map((e) => JSON.stringify(e)));
    expect(await collect(path)).toEqual(events);
  });

  it('does not take the next batch until a full stream has drained', async () => {
    const written: string[] = [];
    let release: () => void = () => undefined;
    const slow = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString());
        release = done;
      },
    });
    const target = streamTarget(slow, 'slow', true);
    let sent = false;
    const sending = target.send(events).then(() => (sent = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toBe(false);
    release();
    await sending;
    expect(sent).toBe(true);
    expect(written.join('')).toBe(events.map((e) => `${JSON.stringify(e)}\n`).join(''));
  });

  it('reports a stream error on the next send', async () => {
    const failing = new Writable({ write: (_chunk, _encoding, done) => done(Object.assign(new Error('disk full'), { code: 'ENOSPC' })) });
    const target = streamTarget(failing, 'out.ndjson', true);
    await target.send(events).catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    await expect(target.send(events)).rejects.toThrow('cannot write out.ndjson (ENOSPC)');
  });

  it('names the file and line of a line it cannot replay', async () => {
    const path = join(dir, 'bad.ndjson');
    await writeFile(path, `${JSON.stringify(events[0])}\n\n{"id":"x","ts":1,"kind":"fire"}\n`);
    await expect(collect(path)).rejects.toThrow(`${path}:3: unknown kind "fire"`);
    await writeFile(path, '{"id":"x",\n');
    await expect(collect(path)).rejects.toThrow(new RegExp(`^${path}:1: not valid JSON`));
  });

  it('replays a file with --in, keeping only the chosen sources', async () => {
    const input = join(dir, 'in.ndjson');
    const output = join(dir, 'replayed.ndjson');
    await writeFile(input, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
    expect(await cli('--in', input, '--sources', 'camera', '--out', output)).toMatchObject({ code: 0 });
    expect(await readLines(output)).toEqual([events[0], events[2]].map((e) => JSON.stringify(e)));
  });
});
