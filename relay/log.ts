// Structured JSON logs, quiet by default. The level comes from the validated configuration
// (LOG_LEVEL / --log-level), set once at start, so a bad value is a config error, not a crash here.
import { pino } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const log = pino({
  name: 'relay',
  level: 'warn',
  timestamp: pino.stdTimeFunctions.isoTime,
});

export function setLogLevel(level: LogLevel): void {
  log.level = level;
}
