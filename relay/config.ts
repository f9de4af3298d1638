// The relay's configuration: environment variables, overridden by command-line flags, checked
// all at once so a bad value stops the start with one line naming the setting.
import { Command, CommanderError } from 'commander';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_TOPIC_PREFIX, topicNames } from './contract/index.ts';
import { LOG_LEVELS, type LogLevel } from './log.ts';
import { parseBezel, parseDpr, parseGrid, parseSize } from './broadcast/wallShape.ts';

export interface RelayConfig {
  port: number;
  /** null: no Kafka, the embedded bus with the historical replay. */
  kafkaBrokers: string[] | null;
  topicPrefix: string;
  tickHz: number;
  timeZone: string;
  /** null: walls connect without a token. */
  wallToken: string | null;
  /** How many times faster than history the embedded replay runs. */
  replaySpeed: number;
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
    description: 'token walls must present (prefer the environment: flags show in ps)',
  },
  replaySpeed: {
    env: 'REPLAY_SPEED',
    flag: '--replay-speed',
    description: 'speed-up of the embedded historical replay (default 60)',
  },
  logLevel: { env: 'LOG_LEVEL', flag: '--log-level', description: `${LOG_LEVELS.join('|')} (default warn)` },
  wallDir: { env: 'WALL_DIR', flag: '--wall-dir', description: 'directory of the built wall (default dist/wall)' },
  wallSize: { env: 'WALL_SIZE', flag: '--wall-size', description: 'video wall size in CSS pixels, e.g. 7680x2160 (default: the browser window)' },
  wallGrid: { env: 'WALL_GRID', flag: '--wall-grid', description: 'screens of the video wall, COLSxROWS, e.g. 4x2 (default 1x1)' },
  wallBezel: { env: 'WALL_BEZEL', flag: '--wall-bezel', description: 'CSS pixels kept clear of text on each side of a seam (default 0)' },
  wallDpr: { env: 'WALL_DPR', flag: '--wall-dpr', description: "cap on the map's device pixel ratio, 0.25–4 (default: the screen's, at most 2)" },
} as const satisfies Record<keyof RelayConfig, Setting>;

type Key = keyof typeof SETTINGS;

const DEFAULT_WALL_DIR = fileURLToPath(new URL('../dist/wall', import.meta.url));
const MIN_TOKEN_CHARS = 8;
const BROKER_ADDRESS = /^[^\s:,]+:\d{1,5}$/;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function isTopicPrefix(prefix: string): boolean {
  try {
    topicNames(prefix);
    return true;
  } catch {
    return false;
  }
}

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
    .min(MIN_TOKEN_CHARS, `must be at least ${MIN_TOKEN_CHARS} characters`)
    .refine((token) => !/\s/.test(token), 'must not contain white space')
    .nullable()
    .default(null),
  replaySpeed: numberIn(0.001, 1_000_000, 'must be a number above 0, at most 1000000').default(60),
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
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = issue?.path[0] as Key | undefined;
  if (!issue || !key) throw new ConfigError(`bad configuration: ${issue?.message ?? 'unknown problem'}`);
  const { env: name, flag } = SETTINGS[key];
  const shown = key === 'wallToken' ? '' : `, got ${JSON.stringify(raw[key])}`;
  throw new ConfigError(`${name} (${flag}) ${issue.message}${shown}`);
}

export { CommanderError };
