// The relay's configuration: environment variables, overridden by command-line flags, checked
// all at once so a bad value stops the start with one line naming the setting.
import { Command, CommanderError } from 'commander';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_TOPIC_PREFIX, topicNames } from './contract/index.ts';
import { LOG_LEVELS, type LogLevel } from './log.ts';
import { MIN_TOKEN_CHARS, tokenWeakness } from './broadcast/tokenStrength.ts';
import { parseBezel, parseDpr, parseGrid, parseSize } from './protocol/wallShape.ts';
import { KAFKA_SECURITY_HELP, KafkaSecurityError, kafkaSecurityFromEnv, type KafkaSecurity } from '../kafka/security.ts';
import { normaliseOrigin, parseHost } from './http/allowedHosts.ts';

export interface RelayConfig extends SettingsConfig {
  /** TLS and SASL for Kafka, from KAFKA_SECURITY_PROTOCOL and the variables with it (environment only). */
  kafkaSecurity: KafkaSecurity;
}

interface SettingsConfig {
  port: number;
  /** null: no Kafka, the embedded bus with the historical replay. */
  kafkaBrokers: string[] | null;
  topicPrefix: string;
  tickHz: number;
  timeZone: string;
  /** null: walls connect without a token, and /metrics and /api/state are open. */
  wallToken: string | null;
  /** The historical day the embedded demo replays as every day, 'YYYY-MM-DD'. */
  demoDay: string;
  /** How many times as often as on that day the embedded demo's incidents come, once it runs. */
  demoPace: number;
  /** Host names besides the machine's own that requests may name (`.domain`, `*` for any). */
  allowedHosts: string[];
  /** Origins besides the relay's own whose pages may open a wall's websocket. */
  allowedOrigins: string[];
  /** Websocket handshakes per second per client address (bursts of 5 s worth); 0: no limit. */
  handshakeRate: number;
  logLevel: LogLevel;
  /** The built wall (vite's output). */
  wallDir: string;
  /** The video wall's shape, for walls whose URL does not say (see GET /api/wall-config). */
  wallSize: string | null;
  wallGrid: string | null;
  wallBezel: number | null;
  wallDpr: number | null;
}

/** A bad setting; `message` is the one line to show. */
export class ConfigError extends Error {}

interface Setting {
  env: string;
  flag: string;
  description: string;
}

/** A Wednesday of the article's year with the profile's usual volumes (see relay/README.md). */
export const DEFAULT_DEMO_DAY = '2019-06-05';
const DEFAULT_DEMO_PACE = 10;
const MAX_DEMO_PACE = 50;

const SETTINGS = {
  port: { env: 'PORT', flag: '--port', description: 'HTTP port for the wall, API and metrics (default 8080)' },
  kafkaBrokers: {
    env: 'KAFKA_BROKERS',
    flag: '--kafka-brokers',
    description: 'Kafka bootstrap servers "host:port,…"; unset: the embedded demo bus',
  },
  topicPrefix: { env: 'TOPIC_PREFIX', flag: '--topic-prefix', description: `topic prefix (default ${DEFAULT_TOPIC_PREFIX})` },
  tickHz: { env: 'TICK_HZ', flag: '--tick-hz', description: 'wall updates per second (default 4)' },
  timeZone: { env: 'TIME_ZONE', flag: '--time-zone', description: 'IANA zone of "today" (default Asia/Shanghai)' },
  wallToken: {
    env: 'WALL_TOKEN',
    flag: '--wall-token',
    description: `token walls, /metrics and /api/state must present, at least ${MIN_TOKEN_CHARS} characters (prefer the environment: flags show in ps)`,
  },
  allowedHosts: {
    env: 'ALLOWED_HOSTS',
    flag: '--allowed-hosts',
    description: "more host names requests may use, comma-separated ('.example.com' for a domain, '*' for any); always: localhost, this machine's name and addresses",
  },
  allowedOrigins: {
    env: 'ALLOWED_ORIGINS',
    flag: '--allowed-origins',
    description: "more origins whose pages may open a wall's websocket, e.g. https://wall.example.com (behind a proxy that changes Host)",
  },
  handshakeRate: {
    env: 'HANDSHAKE_RATE',
    flag: '--handshake-rate',
    description: 'websocket handshakes per second per client address, bursts of 5 s worth; 0 for no limit (default 20)',
  },
  demoDay: {
    env: 'DEMO_DAY',
    flag: '--demo-day',
    description: `historical day the embedded demo replays, YYYY-MM-DD (default ${DEFAULT_DEMO_DAY})`,
  },
  demoPace: {
    env: 'DEMO_PACE',
    flag: '--demo-pace',
    description: `embedded demo: incidents come N times as often as on that day once it runs, 1–${MAX_DEMO_PACE} (default ${DEFAULT_DEMO_PACE})`,
  },
  logLevel: { env: 'LOG_LEVEL', flag: '--log-level', description: `${LOG_LEVELS.join('|')} (default warn)` },
  wallDir: { env: 'WALL_DIR', flag: '--wall-dir', description: 'directory of the built wall (default dist/wall)' },
  wallSize: { env: 'WALL_SIZE', flag: '--wall-size', description: 'video wall size in CSS pixels, e.g. 7680x2160 (default: the browser window)' },
  wallGrid: { env: 'WALL_GRID', flag: '--wall-grid', description: 'screens of the video wall, COLSxROWS, e.g. 4x2 (default 1x1)' },
  wallBezel: { env: 'WALL_BEZEL', flag: '--wall-bezel', description: 'CSS pixels kept clear of text on each side of a seam (default 0)' },
  wallDpr: { env: 'WALL_DPR', flag: '--wall-dpr', description: "cap on the map's device pixel ratio, 0.25–4 (default: the screen's, at most 2)" },
} as const satisfies Record<keyof SettingsConfig, Setting>;

type Key = keyof typeof SETTINGS;

const DEFAULT_WALL_DIR = fileURLToPath(new URL('../dist/wall', import.meta.url));
/** A handshake burst is this many seconds of the rate. */
export const HANDSHAKE_BURST_S = 5;
const BROKER_ADDRESS = /^[^\s:,]+:\d{1,5}$/;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().startsWith(text);
}

function isTopicPrefix(prefix: string): boolean {
  try {
    topicNames(prefix);
    return true;
  } catch {
    return false;
  }
}

/** A host name, an IPv4 or IPv6 address (brackets allowed), '.domain' or '*'; no port, no scheme. */
function isHostEntry(entry: string): boolean {
  if (entry === '*') return true;
  const name = entry.startsWith('.') ? entry.slice(1) : entry;
  const host = parseHost(name.includes(':') && !name.startsWith('[') ? `[${name}]` : name);
  return host !== null && host.port === '' && host.hostname !== '';
}

/** `scheme://host[:port]`, with nothing after but an optional slash. */
function isOriginEntry(entry: string): boolean {
  if (normaliseOrigin(entry) === null) return false;
  const url = new URL(entry);
  return url.pathname === '/' && !url.search && !url.hash && !url.username;
}

const list = (text: string) => text.split(',').map((part) => part.trim()).filter(Boolean);

const numberIn = (min: number, max: number, rule: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, rule)
    .transform(Number)
    .pipe(z.number().min(min, rule).max(max, rule));

/** A video-wall setting, checked by the parser the wall itself uses, in its normal form. */
function wallSetting<T, N>(parse: (text: string) => T | string, normal: (value: T) => N) {
  return z
    .string()
    .transform((text, context) => {
      const value = parse(text);
      if (typeof value !== 'string') return normal(value);
      context.addIssue({ code: 'custom', message: `is not valid: ${value}` });
      return z.NEVER;
    })
    .nullable()
    .default(null);
}

const schema = z.object({
  port: numberIn(1, 65535, 'must be an integer 1–65535')
    .refine(Number.isInteger, 'must be an integer 1–65535')
    .default(8080),
  kafkaBrokers: z
    .string()
    .transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean))
    .refine((list) => list.every((address) => BROKER_ADDRESS.test(address)), 'must be a list of host:port, comma-separated')
    .transform((list) => (list.length > 0 ? list : null))
    .default(null),
  topicPrefix: z
    .string()
    .refine(isTopicPrefix, "must be letters, digits, '.', '_' or '-' (Kafka's topic characters)")
    .default(DEFAULT_TOPIC_PREFIX),
  tickHz: numberIn(0.1, 60, 'must be a number from 0.1 to 60').default(4),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai'),
  wallToken: z
    .string()
    .superRefine((token, context) => {
      const weakness = tokenWeakness(token);
      if (weakness) context.addIssue({ code: 'custom', message: weakness });
    })
    .nullable()
    .default(null),
  demoDay: z.string().refine(isCalendarDate, 'must be a date YYYY-MM-DD').default(DEFAULT_DEMO_DAY),
  demoPace: numberIn(1, MAX_DEMO_PACE, `must be an integer 1–${MAX_DEMO_PACE}`)
    .refine(Number.isInteger, `must be an integer 1–${MAX_DEMO_PACE}`)
    .default(DEFAULT_DEMO_PACE),
  allowedHosts: z
    .string()
    .transform(list)
    .refine(
      (entries) => entries.every(isHostEntry),
      "must be host names or addresses without a port, comma-separated ('.example.com' for a domain, '*' for any)",
    )
    .transform((entries) => entries.map((entry) => entry.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '')))
    .default([]),
  allowedOrigins: z
    .string()
    .transform(list)
    .refine(
      (entries) => entries.every(isOriginEntry),
      'must be origins like https://wall.example.com or http://10.1.2.3:8080 (scheme, host, port; no path), comma-separated',
    )
    .transform((entries) => entries.map((entry) => normaliseOrigin(entry)!))
    .default([]),
  handshakeRate: numberIn(0, 100_000, 'must be a number from 0 (no limit) to 100000').default(20),
  logLevel: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`).default('warn'),
  wallDir: z.string().min(1, 'must be a directory').default(DEFAULT_WALL_DIR),
  wallSize: wallSetting(parseSize, ({ width, height }) => `${width}x${height}`),
  wallGrid: wallSetting(parseGrid, ({ cols, rows }) => `${cols}x${rows}`),
  wallBezel: wallSetting(parseBezel, (bezel) => bezel),
  wallDpr: wallSetting(parseDpr, (dpr) => dpr),
});

function readFlags(argv: readonly string[]): Partial<Record<Key, string>> {
  const program = new Command('relay')
    .description('石泉 City Brain Wall relay: Kafka → today\'s state → walls over Socket.IO')
    .exitOverride()
    .showSuggestionAfterError(false)
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'relay: ')) })
    .allowExcessArguments(false);
  for (const setting of Object.values(SETTINGS)) {
    program.option(`${setting.flag} <value>`, `${setting.description} [env ${setting.env}]`);
  }
  program.addHelpText('after', `\n${KAFKA_SECURITY_HELP}`);
  program.parse([...argv], { from: 'user' });
  const options = program.opts<Record<string, string | undefined>>();
  const flags: Partial<Record<Key, string>> = {};
  for (const key of Object.keys(SETTINGS) as Key[]) {
    const value = options[key];
    if (value !== undefined) flags[key] = value;
  }
  return flags;
}

/**
 * The configuration from flags (`argv` without node and the script) over environment variables.
 * Throws ConfigError with one line on a bad value; a CommanderError (already printed) on a bad
 * flag or for --help.
 */
export function parseConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): RelayConfig {
  const flags = readFlags(argv);
  const raw: Partial<Record<Key, string>> = {};
  for (const key of Object.keys(SETTINGS) as Key[]) {
    const fromEnv = env[SETTINGS[key].env];
    // An empty variable counts as unset, as shells and compose files often leave them.
    const value = flags[key] ?? (fromEnv === '' ? undefined : fromEnv);
    if (value !== undefined) raw[key] = value;
  }
  const result = schema.safeParse(raw);
  if (result.success) {
    try {
      return { ...result.data, kafkaSecurity: kafkaSecurityFromEnv(env) };
    } catch (error) {
      if (error instanceof KafkaSecurityError) throw new ConfigError(error.message);
      throw error;
    }
  }
  const issue = result.error.issues[0];
  const key = issue?.path[0] as Key | undefined;
  if (!issue || !key) throw new ConfigError(`bad configuration: ${issue?.message ?? 'unknown problem'}`);
  const { env: name, flag } = SETTINGS[key];
  const shown = key === 'wallToken' ? '' : `, got ${JSON.stringify(raw[key])}`;
  throw new ConfigError(`${name} (${flag}) ${issue.message}${shown}`);
}

export { CommanderError };
