// Shared by the simulator's tests: running the CLI in-process, judging events with the relay's
// validator against the committed geo pack, and reading local months off timestamps.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCompoundLocator } from '../../../geo/compoundLocator.ts';
import { loadPack } from '../../../geo/loadPack.ts';
import type { GeoPack } from '../../../geo/schema.ts';
import { parseEventTime, sourceOfKind, type ProducerEvent, type ValidationContext } from '../../../relay/contract/index.ts';
import { runCli } from '../../../simulator/program.ts';

export interface CliRun {
  code: number;
  stderr: string[];
}

export async function cli(...argv: string[]): Promise<CliRun> {
  const stderr: string[] = [];
  const code = await runCli(argv, (line) => stderr.push(line));
  return { code, stderr };
}

/** A scratch directory for one test file; call the returned cleanup in afterAll. */
export async function scratchDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'simulator-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function readLines(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  return text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
}

let packPromise: Promise<GeoPack> | undefined;
export function committedPack(): Promise<GeoPack> {
  packPromise ??= loadPack();
  return packPromise;
}

/** The relay's view of an event: judged at its own time, on its own topic, against the pack. */
export async function validationContextFor(): Promise<(event: ProducerEvent) => ValidationContext> {
  const pack = await committedPack();
  const ids = new Set(pack.compounds.features.map((f) => f.properties.id));
  const locator = createCompoundLocator(pack.compounds.features);
  return (event) => ({
    now: parseEventTime(event.ts) ?? 0,
    source: sourceOfKind(event.kind),
    hasCompound: (id) => ids.has(id),
    locate: (lng, lat) => locator.locate(lng, lat),
  });
}

const SHANGHAI_MS = 8 * 3_600_000;

/** 'YYYY-MM' of the event's time in Shanghai, computed from the instant, not the text. */
export function shanghaiMonth(event: ProducerEvent): string {
  const ms = parseEventTime(event.ts);
  if (ms === null) throw new Error(`unreadable ts ${String(event.ts)}`);
  return new Date(ms + SHANGHAI_MS).toISOString().slice(0, 7);
}
