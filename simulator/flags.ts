// The command line's values, parsed and checked on their own; checks that need the profile
// (dates inside its coverage, a rate its burst can take) are in eventSource.ts. Every problem is
// a UsageError: one line, exit status 2.
import { SOURCES, type Source } from '../relay/contract/index.ts';
import { MAX_RATE } from './profile/schema.ts';
import { parseSpeed, type Speed } from './timeline.ts';

export class UsageError extends Error {
  override name = 'UsageError';
}

/** The options as commander hands them over: strings, absent when not given. */
export interface RawFlags {
  profile?: string;
  from?: string;
  to?: string;
  sources?: string;
  speed?: string;
  seed?: string;
  rate?: string;
  duration?: string;
  out?: string;
  in?: string;
  pack?: string;
}

const DEFAULT_SEED = 1;
const MAX_SEED = 0xffff_ffff;

export interface Flags {
  /** Events come from a profile's generator, or are replayed from a file. */
  input: { profile: string } | { file: string };
  /** As given; their meaning depends on the profile's type. */
  from?: string;
  to?: string;
  /** Null when not given: every source the profile has. */
  sources: Source[] | null;
  speed: Speed;
  seed: number;
  rate?: number;
  durationMs?: number;
  out: string;
  pack?: string;
}

function parseSources(text: string): Source[] {
  const names = text.split(',').map((name) => name.trim());
  const sources: Source[] = [];
  for (const name of names) {
    const source = SOURCES.find((s) => s === name);
    if (!source) throw new UsageError(`--sources: unknown source ${JSON.stringify(name)} (use ${SOURCES.join(', ')})`);
    if (sources.includes(source)) throw new UsageError(`--sources: ${source} is named twice`);
    sources.push(source);
  }
  return sources;
}

function parseSeed(text: string): number {
  const seed = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(seed <= MAX_SEED)) throw new UsageError(`--seed must be an integer from 0 to ${MAX_SEED}, got ${JSON.stringify(text)}`);
  return seed;
}

function parseRate(text: string): number {
  const rate = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(rate >= 1 && rate <= MAX_RATE)) {
    throw new UsageError(`--rate must be an integer from 1 to ${MAX_RATE} events/s, got ${JSON.stringify(text)}`);
  }
  return rate;
}

const DURATION_UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `60s`, `5m`, `1h`, `500ms`, or plain seconds. */
function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text);
  if (!match) return null;
  const ms = Number(match[1]) * (DURATION_UNITS[match[2] ?? 's'] ?? 1000);
  return ms > 0 && Number.isFinite(ms) ? ms : null;
}

const PROFILE_ONLY = ['profile', 'from', 'to', 'seed', 'rate', 'duration', 'pack'] as const;

export function parseFlags(raw: RawFlags): Flags {
  if (raw.out === undefined) throw new UsageError('no target: give --out FILE (or --out - for stdout)');
  if (raw.out === '') throw new UsageError('--out needs a file name, or - for stdout');
  if (raw.in !== undefined) {
    const clash = PROFILE_ONLY.find((flag) => raw[flag] !== undefined);
    if (clash) throw new UsageError(`--${clash} cannot be used with --in: a file's events are replayed as they are`);
    if (raw.in === '') throw new UsageError('--in needs a file name, or - for stdin');
  }
  const speed = parseSpeed(raw.speed ?? 'max');
  if (speed === null) throw new UsageError(`--speed must be max or a number > 0, got ${JSON.stringify(raw.speed)}`);
  const flags: Flags = {
    input: raw.in !== undefined ? { file: raw.in } : { profile: raw.profile ?? 'historical' },
    sources: raw.sources !== undefined ? parseSources(raw.sources) : null,
    speed,
    seed: raw.seed !== undefined ? parseSeed(raw.seed) : DEFAULT_SEED,
    out: raw.out,
  };
  if (raw.from !== undefined) flags.from = raw.from;
  if (raw.to !== undefined) flags.to = raw.to;
  if (raw.rate !== undefined) flags.rate = parseRate(raw.rate);
  if (raw.duration !== undefined) {
    const ms = parseDuration(raw.duration);
    if (ms === null) throw new UsageError(`--duration must be like 60s, 5m, 1h or 500ms, got ${JSON.stringify(raw.duration)}`);
    flags.durationMs = ms;
  }
  if (raw.pack !== undefined) flags.pack = raw.pack;
  return flags;
}
