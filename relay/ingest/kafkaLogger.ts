// kafkajs logs through the relay's JSON logger, so one stream says it all, but only as details
// (debug): whatever keeps the relay from Kafka reaches it as an error, which it reports in one
// line per change (relay.ts), while kafkajs would log every retry of every request — a line a
// second for as long as a password is wrong or a broker is down.
import { logLevel as KafkaLogLevel, type logCreator } from 'kafkajs';
import { log, type LogLevel } from '../log.ts';

/** kafkajs formats nothing unless the relay logs details. */
export function kafkaLogLevel(level: LogLevel): KafkaLogLevel {
  return level === 'trace' || level === 'debug' ? KafkaLogLevel.DEBUG : KafkaLogLevel.NOTHING;
}

const LEVEL_NAMES: Partial<Record<KafkaLogLevel, string>> = {
  [KafkaLogLevel.ERROR]: 'error',
  [KafkaLogLevel.WARN]: 'warn',
  [KafkaLogLevel.INFO]: 'info',
  [KafkaLogLevel.DEBUG]: 'debug',
};

export const kafkaLogCreator: logCreator = () => {
  const kafkaLog = log.child({ component: 'kafkajs' });
  return ({ level, namespace, log: { message, ...extra } }) => {
    kafkaLog.debug({ namespace, kafkaLevel: LEVEL_NAMES[level], ...extra }, message);
  };
};
