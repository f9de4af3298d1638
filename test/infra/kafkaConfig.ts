// What a single-node test broker is told: KRaft combined mode on 127.0.0.1, sized for a 2-core
// machine. Pure text builders, so the settings can be checked without starting a JVM.
import { randomBytes } from 'node:crypto';

export interface BrokerLayout {
  /** Client port; advertised as 127.0.0.1 (not localhost, which may resolve to ::1 first). */
  port: number;
  /** The KRaft controller's port, on 127.0.0.1 as well. */
  controllerPort: number;
  /** Where the broker keeps its logs (partitions and the metadata log). */
  logDir: string;
  /** A SASL_SSL listener beside the PLAINTEXT one, with its own settings (kafkaSecure.ts). */
  secure?: { port: number; settings: Record<string, string> };
}

const NODE_ID = 1;

export function serverProperties({ port, controllerPort, logDir, secure }: BrokerLayout): string {
  const secured = secure ? `,SASL_SSL://127.0.0.1:${secure.port}` : '';
  const settings: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': NODE_ID,
    'controller.quorum.voters': `${NODE_ID}@127.0.0.1:${controllerPort}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}${secured}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}${secured}`,
    'listener.security.protocol.map': `PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT${secure ? ',SASL_SSL:SASL_SSL' : ''}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': logDir,
    // One node cannot hold three replicas of the internal topics.
    'offsets.topic.replication.factor': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    // Fewer internal partitions: the first consumer group joins in well under a second.
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.num.partitions': 1,
    // Tests start many short-lived groups; the default 3 s wait would slow every one of them.
    'group.initial.rebalance.delay.ms': 0,
    'num.network.threads': 2,
    'num.io.threads': 2,
    ...secure?.settings,
  };
  return `${Object.entries(settings)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')}\n`;
}

/** The broker logs to stdout, which the launcher sends to the log file. */
export const LOG4J_PROPERTIES = [
  'log4j.rootLogger=INFO, stdout',
  'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
  'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
  'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
  // The state-change and request loggers are chatty at INFO and say nothing a test needs.
  'log4j.logger.state.change.logger=WARN',
  'log4j.logger.kafka.request.logger=WARN',
  '',
].join('\n');

/**
 * A KRaft cluster id, as `StorageTool random-uuid` makes it: 16 random bytes in unpadded
 * base64url. Kafka never hands out one starting with '-' (it would read as a CLI flag).
 */
export function newClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** The Kafka version a pom fetches, from its `kafka.version` property. */
export function kafkaVersionOf(pomXml: string): string {
  const match = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(pomXml);
  if (!match?.[1]) throw new Error('the Kafka pom has no <kafka.version> property');
  return match[1];
}

/** The last `count` non-empty lines of a log, for error messages. */
export function lastLines(text: string, count: number): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(-count)
    .join('\n');
}
