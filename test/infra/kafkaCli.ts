// A Kafka broker by hand: `npm run kafka:up` starts one that outlives the command (topics kept
// between runs), `npm run kafka:down` stops it. `up` prints only the bootstrap address on
// stdout, so `export KAFKA_BROKERS=$(npm run -s kafka:up)` works.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startBroker } from './kafkaBroker.ts';
import { KAFKA_CACHE_DIR } from './kafkaJars.ts';
import { isAlive, terminate } from './processControl.ts';

const MANUAL_DIR = join(KAFKA_CACHE_DIR, 'manual');
const PID_FILE = join(MANUAL_DIR, 'broker.pid');
const STOP_GRACE_MS = 30_000;

function portNumber(text: string): number {
  const port = Number(text);
  // The controller takes the next port up.
  if (!/^\d+$/.test(text) || port < 1 || port > 65534) {
    throw new InvalidArgumentError('expected a port number from 1 to 65534.');
  }
  return port;
}

/** The pid of the broker `up` started, if it is still running. */
function runningBroker(): number | null {
  if (!existsSync(PID_FILE)) return null;
  const pid = Number(readFileSync(PID_FILE, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  try {
    // A stale pid file may name an unrelated process by now: only ours has our data dir.
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(MANUAL_DIR) ? pid : null;
  } catch {
    // No procfs (macOS): trust the pid file.
    return existsSync('/proc') ? null : pid;
  }
}

/** The address the running broker advertises, from the config `up` wrote. */
function advertisedAddress(): string {
  const properties = readFileSync(join(MANUAL_DIR, 'server.properties'), 'utf8');
  const address = /^advertised\.listeners=PLAINTEXT:\/\/(.+)$/m.exec(properties)?.[1];
  if (!address) throw new Error(`no advertised listener in ${join(MANUAL_DIR, 'server.properties')}`);
  return address;
}

async function up({ port }: { port: number }) {
  const pid = runningBroker();
  if (pid !== null) {
    console.error(`kafka: already running (pid ${pid}); stop it with npm run kafka:down`);
    console.log(advertisedAddress());
    return;
  }
  const started = Date.now();
  const broker = await startBroker({
    port,
    controllerPort: port + 1,
    dataDir: MANUAL_DIR,
    detached: true,
    pidFile: PID_FILE,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const where = relative(process.cwd(), MANUAL_DIR);
  console.error(`kafka: broker up in ${seconds} s (pid ${broker.pid}, data and log in ${where}); stop it with npm run kafka:down`);
  console.log(broker.brokers);
}

async function down() {
  const pid = runningBroker();
  rmSync(PID_FILE, { force: true });
  if (pid === null) {
    console.error('kafka: no broker running');
    return;
  }
  await terminate(pid, STOP_GRACE_MS);
  console.error(`kafka: broker stopped (pid ${pid})`);
}

const program = new Command('kafka')
  .description('a single-node Kafka broker on 127.0.0.1 for trying things by hand')
  .exitOverride()
  // Errors stay on one line.
  .showSuggestionAfterError(false);
program
  .command('up')
  .description('start the broker in the background and print its bootstrap address')
  .option('--port <port>', 'client port (the controller uses the next one)', portNumber, 19092)
  .action(up);
program.command('down').description('stop the broker started by up').action(down);

try {
  // Commander would print the whole help for a missing command.
  if (process.argv.length <= 2) program.error("error: missing command: 'up' or 'down'", { exitCode: 2 });
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed its one-line message already; help and version are not failures.
    process.exit(error.exitCode === 0 ? 0 : 2);
  }
  console.error(`kafka: ${(error as Error).message.split('\n')[0]}`);
  process.exit(1);
}
