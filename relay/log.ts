// Structured JSON logs, quiet by default (LOG_LEVEL=info or debug to see more).
import { pino } from 'pino';

export const log = pino({
  name: 'relay',
  level: process.env.LOG_LEVEL ?? 'warn',
  timestamp: pino.stdTimeFunctions.isoTime,
});
