// kafkajs logs through the relay's JSON logger, at the relay's level, so one stream says it all.
import { logLevel as KafkaLogLevel, type logCreator } from 'kafkajs';
import { log, type LogLevel } from '../log.ts';

export function kafkaLogLevel(level: LogLevel): KafkaLogLevel {
  switch (level) {
    case 'trace':
    case 'debug':
      return KafkaLogLevel.DEBUG;
    case 'info':
      return KafkaLogLevel.INFO;
    case 'warn':
      return KafkaLogLevel.WARN;
    case 'silent':
      return KafkaLogLevel.NOTHING;
    default:
      return KafkaLogLevel.ERROR;
  }
}

export const kafkaLogCreator: logCreator = () => {
  const kafkaLog = log.child({ component: 'kafkajs' });
  return ({ level, namespace, log: { message, ...extra } }) => {
    const fields = { namespace, ...extra };
    if (level === KafkaLogLevel.ERROR) kafkaLog.error(fields, message);
    else if (level === KafkaLogLevel.WARN) kafkaLog.warn(fields, message);
    else if (level === KafkaLogLevel.INFO) kafkaLog.info(fields, message);
    else kafkaLog.debug(fields, message);
  };
};
