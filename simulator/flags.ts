// The command line's values, parsed and checked on their own; checks that need the profile
// (dates inside its coverage, a rate its burst can take) are in eventSource.ts. Every problem is
// a UsageError: one line, exit status 2.
import { DEFAULT_TOPIC_PREFIX, SOURCES, topicNames, type Source } from '../relay/contract/index.ts';
import { COMPRESSION_NAMES, type CompressionName } from '../kafka/codecs.ts';
import { MAX_RATE } from './profile/schema.ts';
import { parseThreshold, THRESHOLD_METRICS, type Threshold } from './thresholds.ts';
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
  brokers?: string;
  topicPrefix?: string;
  compression?: string;
  relay?: string;
  probes?: string;
  wallToken?: string;
  threshold?: string[];
  report?: string;
  html?: string;
}

const DEFAULT_SEED = 1;
const MAX_SEED = 0xffff_ffff;
const DEFAULT_PROBES = 2;
const MAX_PROBES = 50;

/** Where the events go: an NDJSON file (or stdout), or Kafka's source topics. */
export type TargetFlags =
  | { kind: 'file'; path: string }
  | { kind: 'kafka'; brokers: string[]; topicPrefix: string; compression: CompressionName };

/** `--relay`: probe walls on the relay and its /api/state measure what arrived. */
export interface MeasureFlags {
  /** Without a trailing slash. */
  relayUrl: string;
  probes: number;
  wallToken: string | null;
}

export interface Flags {
  /** Events come from a profile's generator, or are replayed from a file. */
  input: { profile: string } | { file: string };
  /** As given; their meaning depends on the profile's type. */
  from?: string;
  to?: string;
  /** Null when not given: every source the profile has. */
  sources: Source[] | null;
  /** Absent when not given: the default depends on the profile and the target (see program.ts). */
  speed?: Speed;
  seed: number;
  rate?: number;
  durationMs?: number;
  target: TargetFlags;
  measure: MeasureFlags | null;
  thresholds: Threshold[];
  /** Report files to write. */
  report?: string;
  html?: string;
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

const BROKER_ADDRESS = /^[^\s:,]+:\d{1,5}$/;

function parseTarget(raw: RawFlags): TargetFlags {
  if (raw.out !== undefined && raw.brokers !== undefined) {
    throw new UsageError('--out and --brokers are two targets: give one of them');
  }
  for (const [flag, value] of [['--topic-prefix', raw.topicPrefix], ['--compression', raw.compression]] as const) {
    if (value !== undefined && raw.brokers === undefined) throw new UsageError(`${flag} applies to the Kafka target: give --brokers too`);
  }
  if (raw.brokers !== undefined) {
    const brokers = raw.brokers.split(',').map((address) => address.trim());
    const bad = brokers.find((address) => !BROKER_ADDRESS.test(address));
    if (bad !== undefined) throw new UsageError(`--brokers must be host:port[,host:port…], got ${JSON.stringify(raw.brokers)}`);
    const topicPrefix = raw.topicPrefix ?? DEFAULT_TOPIC_PREFIX;
    try {
      topicNames(topicPrefix);
    } catch (error) {
      throw new UsageError(`--topic-prefix: ${(error as Error).message}`);
    }
    const compression = COMPRESSION_NAMES.find((name) => name === (raw.compression ?? 'none'));
    if (!compression) throw new UsageError(`--compression must be one of ${COMPRESSION_NAMES.join(', ')}, got ${JSON.stringify(raw.compression)}`);
    return { kind: 'kafka', brokers, topicPrefix, compression };
  }
  if (raw.out === undefined) throw new UsageError('no target: give --out FILE (or --out - for stdout), or --brokers host:port');
  if (raw.out === '') throw new UsageError('--out needs a file name, or - for stdout');
  return { kind: 'file', path: raw.out };
}

function parseRelayUrl(text: string): string {
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // Reported below.
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`--relay must be the relay's http:// or https:// URL, got ${JSON.stringify(text)}`);
  }
  return url.href.replace(/\/+$/, '');
}

function parseMeasure(raw: RawFlags, target: TargetFlags): MeasureFlags | null {
  if (raw.relay === undefined) {
    const orphan = raw.probes !== undefined ? '--probes' : raw.wallToken !== undefined ? '--wall-token' : null;
    if (orphan) throw new UsageError(`${orphan} applies to probe walls: give --relay URL too`);
    return null;
  }
  if (target.kind !== 'kafka') throw new UsageError('--relay measures a relay that reads Kafka: give --brokers instead of --out');
  const probes = raw.probes === undefined ? DEFAULT_PROBES : /^\d+$/.test(raw.probes) ? Number(raw.probes) : NaN;
  if (!(probes <= MAX_PROBES)) throw new UsageError(`--probes must be an integer from 0 to ${MAX_PROBES}, got ${JSON.stringify(raw.probes)}`);
  if (raw.wallToken === '') throw new UsageError('--wall-token must not be empty');
  return { relayUrl: parseRelayUrl(raw.relay), probes, wallToken: raw.wallToken ?? null };
}

function parseThresholds(texts: readonly string[], measure: MeasureFlags | null): Threshold[] {
  return texts.map((text) => {
    let threshold: Threshold;
    try {
      threshold = parseThreshold(text);
    } catch (error) {
      throw new UsageError(`--threshold ${JSON.stringify(text)}: ${(error as Error).message}`);
    }
    const { needs } = THRESHOLD_METRICS[threshold.metric];
    if (needs !== null && measure === null) {
      throw new UsageError(`--threshold ${JSON.stringify(text)} needs a relay to measure: give --relay URL`);
    }
    if (needs === 'probes' && measure?.probes === 0) {
      throw new UsageError(`--threshold ${JSON.stringify(text)} needs probe walls, but --probes is 0`);
    }
    return threshold;
  });
}

function reportPath(flag: '--report' | '--html', path: string | undefined): string | undefined {
  if (path === '') throw new UsageError(`${flag} needs a file name`);
  return path;
}

const PROFILE_ONLY = ['profile', 'from', 'to', 'seed', 'rate', 'duration'] as const;

export function parseFlags(raw: RawFlags): Flags {
  const target = parseTarget(raw);
  if (raw.in !== undefined) {
    const clash = PROFILE_ONLY.find((flag) => raw[flag] !== undefined);
    if (clash) throw new UsageError(`--${clash} cannot be used with --in: a file's events are replayed as they are`);
    if (raw.in === '') throw new UsageError('--in needs a file name, or - for stdin');
  }
  const speed = raw.speed === undefined ? undefined : parseSpeed(raw.speed);
  if (speed === null) throw new UsageError(`--speed must be max or a number > 0, got ${JSON.stringify(raw.speed)}`);
  const measure = parseMeasure(raw, target);
  const flags: Flags = {
    input: raw.in !== undefined ? { file: raw.in } : { profile: raw.profile ?? 'historical' },
    sources: raw.sources !== undefined ? parseSources(raw.sources) : null,
    seed: raw.seed !== undefined ? parseSeed(raw.seed) : DEFAULT_SEED,
    target,
    measure,
    thresholds: parseThresholds(raw.threshold ?? [], measure),
  };
  if (speed !== undefined) flags.speed = speed;
  const report = reportPath('--report', raw.report);
  if (report !== undefined) flags.report = report;
  const html = reportPath('--html', raw.html);
  if (html !== undefined) flags.html = html;
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
