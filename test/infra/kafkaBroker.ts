// A real single-node Apache Kafka broker (KRaft) in a child JVM, for integration tests and by
// hand. Restarting on the same data dir keeps topics and offsets, as a broker restart would.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isServing } from './kafkaAdmin.ts';
import { LOG4J_PROPERTIES, lastLines, newClusterId, serverProperties } from './kafkaConfig.ts';
import { ADMITTED, STRANGER, makeCertificates, scramFormatArgs, secureFilesIn, secureSettings, type SecureFiles, type SecureListener } from './kafkaSecure.ts';
import { ensureKafkaJars } from './kafkaJars.ts';
import { freePort, portAccepts } from './ports.ts';
import { cancelKillOnExit, killOnExit, terminate } from './processControl.ts';

export { ensureKafkaJars } from './kafkaJars.ts';
export { createTopics } from './kafkaAdmin.ts';

export interface BrokerOptions {
  /** Client port on 127.0.0.1. */
  port: number;
  /** Reused as is when already formatted (a restart); a fresh temp dir when omitted. */
  dataDir?: string;
  /** Broker output, appended; default `<dataDir>/broker.log`. */
  logFile?: string;
  /** KRaft controller port on 127.0.0.1; a free one when omitted. */
  controllerPort?: number;
  /** Let the broker outlive this process (`kafka:up`); otherwise it dies with it. */
  detached?: boolean;
  /** Written as soon as the JVM runs (so an interrupted start can still be stopped); removed by `stop()`. */
  pidFile?: string;
  readyTimeoutMs?: number;
  /** Also a SASL_SSL listener with SCRAM users and ACLs enforced (kafkaSecure.ts), on this port or a free one. */
  secure?: boolean;
  securePort?: number;
}

export interface KafkaBroker {
  /** Bootstrap string for kafkajs, "127.0.0.1:PORT". */
  brokers: string;
  pid: number;
  dataDir: string;
  logFile: string;
  /** The SASL_SSL listener, when asked for. */
  secure: SecureListener | null;
  /** SIGTERM, then SIGKILL after a grace period. Data stays, so `restart()` can follow. */
  stop(): Promise<void>;
  /** Stops this broker and starts it again on the same ports and data. */
  restart(): Promise<KafkaBroker>;
}

// A cold JVM start takes a few seconds; on a busy 2-core machine, far longer.
const DEFAULT_READY_TIMEOUT_MS = 90_000;
// A controlled shutdown of a combined-mode node takes about 2 s.
const STOP_GRACE_MS = 15_000;
// Small enough for a 2-core test machine; KAFKA_HEAP_OPTS (Kafka's own name) overrides it.
const HEAP_OPTS = process.env.KAFKA_HEAP_OPTS ?? '-Xms128m -Xmx512m';

export async function startBroker(options: BrokerOptions): Promise<KafkaBroker> {
  const libs = ensureKafkaJars();
  const dataDir = resolve(options.dataDir ?? mkdtempSync(join(tmpdir(), 'shiquan-kafka-')));
  const logFile = resolve(options.logFile ?? join(dataDir, 'broker.log'));
  const controllerPort = options.controllerPort ?? (await freePort());
  const { port } = options;
  // Otherwise the readiness check below could be answered by whatever already listens there.
  if (await portAccepts(port)) {
    throw new Error(`cannot start a Kafka broker: 127.0.0.1:${port} is already in use`);
  }
  const logDir = join(dataDir, 'kraft');
  const securePort = options.secure ? (options.securePort ?? (await freePort())) : null;
  const tlsDir = join(dataDir, 'tls');
  // Made once per data dir, so a restarted broker keeps the certificates clients trust.
  const files = securePort === null ? null : existsSync(join(tlsDir, 'ca.pem')) ? secureFilesIn(tlsDir) : makeCertificates(tlsDir);
  const propertiesFile = join(dataDir, 'server.properties');
  const log4jFile = join(dataDir, 'log4j.properties');
  mkdirSync(dataDir, { recursive: true });
  const secure = securePort === null || files === null ? undefined : { port: securePort, settings: secureSettings(files) };
  writeFileSync(propertiesFile, serverProperties({ port, controllerPort, logDir, secure }));
  writeFileSync(log4jFile, LOG4J_PROPERTIES);

  const jvm = (mainClass: string, args: string[]) => [
    ...HEAP_OPTS.split(/\s+/).filter(Boolean),
    // Serial GC: least CPU on a small heap with 2 cores to share with the tests.
    '-XX:+UseSerialGC',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${log4jFile}`,
    '-cp',
    join(libs, '*'),
    mainClass,
    ...args,
  ];
  if (!existsSync(join(logDir, 'meta.properties'))) {
    const scram = secure ? scramFormatArgs() : [];
    formatLogDir(jvm('kafka.tools.StorageTool', ['format', '-t', newClusterId(), '-c', propertiesFile, ...scram]));
  }

  const logFd = openSync(logFile, 'a');
  const child = spawn('java', jvm('kafka.Kafka', [propertiesFile]), {
    stdio: ['ignore', logFd, logFd],
    // Its own process group: Ctrl-C on `kafka:up` must not reach a broker meant to stay up.
    detached: options.detached ?? false,
  });
  closeSync(logFd);
  const { pid } = child;
  if (pid === undefined) {
    const [error] = (await once(child, 'error')) as [Error];
    throw new Error(`cannot start java for the Kafka broker (${error.message}); install a JDK 17+`);
  }
  if (!options.detached) killOnExit(pid);
  if (options.pidFile) writeFileSync(options.pidFile, `${pid}\n`);
  const stop = async () => {
    await terminate(pid, STOP_GRACE_MS);
    cancelKillOnExit(pid);
    if (options.pidFile) rmSync(options.pidFile, { force: true });
  };

  const brokers = `127.0.0.1:${port}`;
  const failed = async (why: string) => {
    // The log as it was when the start failed, before the shutdown adds its own lines.
    const lines = lastLines(tail(logFile), 20);
    await stop();
    return new Error(`Kafka broker at ${brokers} ${why}; last lines of ${logFile}:\n${lines}`);
  };
  const readyTimeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const deadline = Date.now() + readyTimeoutMs;
  while (!((await portAccepts(port)) && (await isServing(brokers)))) {
    if (exited(child)) throw await failed(`exited (${child.exitCode ?? child.signalCode}) while starting`);
    if (Date.now() >= deadline) throw await failed(`was not ready after ${readyTimeoutMs / 1000} s`);
    await sleep(250);
  }
  if (options.detached) child.unref();

  return {
    brokers,
    pid,
    dataDir,
    logFile,
    secure:
      securePort === null || files === null
        ? null
        : { brokers: `127.0.0.1:${securePort}`, ...withoutKeystore(files), admitted: ADMITTED, stranger: STRANGER },
    stop,
    restart: async () => {
      await stop();
      return startBroker({ ...options, dataDir, logFile, controllerPort, ...(securePort === null ? {} : { securePort }) });
    },
  };
}

function withoutKeystore({ keystoreFile: _, ...files }: SecureFiles): Omit<SecureFiles, 'keystoreFile'> {
  return files;
}

function formatLogDir(javaArgs: string[]) {
  const result = spawnSync('java', javaArgs, { encoding: 'utf8' });
  if (result.error) {
    throw new Error(`cannot run java to format the Kafka log dir (${result.error.message}); install a JDK 17+`);
  }
  if (result.status !== 0) {
    const output = lastLines(`${result.stdout}\n${result.stderr}`, 10);
    throw new Error(`formatting the Kafka log dir failed (exit ${result.status}):\n${output}`);
  }
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** The end of a possibly large log file. */
function tail(file: string, bytes = 16_384): string {
  if (!existsSync(file)) return '(no log written)';
  const size = statSync(file).size;
  const length = Math.min(size, bytes);
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}
