// Producing with the official Apache Kafka Java client (test/infra/java/ScriptedProducer.java),
// run from source by the JDK with the jars the broker uses: a producer nobody here wrote, with
// its own framing of every codec, idempotence and transactions.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureKafkaJars } from './kafkaJars.ts';

const SOURCE = fileURLToPath(new URL('./java/ScriptedProducer.java', import.meta.url));

/** One line of the producer's script (see ScriptedProducer.java). */
export type ProducerCommand =
  | { producer: string; settings: Record<string, string> }
  | { transaction: 'begin' | 'commit' | 'abort' }
  | { send: { topic: string; key: string | null; value: string } }
  | 'flush';

function line(command: ProducerCommand): string {
  if (command === 'flush') return 'flush';
  if ('producer' in command) {
    const settings = Object.entries(command.settings).map(([key, value]) => `${key}=${value}`);
    return ['producer', command.producer, ...settings].join(' ');
  }
  if ('transaction' in command) return command.transaction;
  const { topic, key, value } = command.send;
  if (/[\t\n]/.test(value) || /[\t\n]/.test(key ?? '')) throw new Error('a Java producer record cannot hold a tab or a newline');
  return `send ${topic}\t${key ?? ''}\t${value}`;
}

/** Runs the script; resolves once every record is acknowledged (and transactions ended). */
export function runJavaProducer(brokers: string, script: readonly ProducerCommand[], configFile?: string): Promise<void> {
  const libs = ensureKafkaJars();
  const child = spawn('java', ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-cp', join(libs, '*'), SOURCE, brokers], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...(configFile ? { PRODUCER_CONFIG: configFile } : {}) },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stdin.end(`${script.map(line).join('\n')}\n`);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`cannot run java (${error.message}); install a JDK 17+`)));
    child.once('exit', (code) => {
      if (code === 0 && /^ok$/m.test(output)) resolve();
      else reject(new Error(`the Java producer exited ${code}:\n${output.split('\n').filter((l) => !l.includes('SLF4J')).slice(-15).join('\n')}`));
    });
  });
}
