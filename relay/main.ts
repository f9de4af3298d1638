// Entry point: configuration from the environment and flags, then the relay. Bad settings exit
// with status 2 and one line; a relay that cannot start (port taken) with 1. Kafka unreachable
// is not a failed start: the relay serves and keeps trying (see relay.ts; start.ts composes it).
import { CommanderError, ConfigError, parseConfig, type RelayConfig } from './config.ts';
import { log, setLogLevel } from './log.ts';
import { startRelay } from './start.ts';

function fail(message: string, status: number): never {
  console.error(`relay: ${message.split('\n', 1)[0]}`);
  process.exit(status);
}

function readConfig(): RelayConfig {
  try {
    return parseConfig(process.argv.slice(2), process.env);
  } catch (error) {
    // Commander has printed its own line (or the help) already.
    if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
    if (error instanceof ConfigError) fail(error.message, 2);
    throw error;
  }
}

const config = readConfig();
setLogLevel(config.logLevel);

const startedAt = Date.now();
const relay = await startRelay(config).catch((error: unknown) => {
  // A setting only the start can check (DEMO_DAY against the profile) is a bad setting too.
  if (error instanceof ConfigError) fail(error.message, 2);
  return fail(`cannot start: ${error instanceof Error ? error.message : String(error)}`, 1);
});
// One human line even when logs are quiet, so `npm start` says where to look, and one when ready.
const feed = config.kafkaBrokers
  ? `Kafka ${config.kafkaBrokers.join(',')}`
  : `embedded demo: a replay of ${config.demoDay}, incidents at ${config.demoPace}× once running`;
console.log(`石泉 wall: http://localhost:${relay.port} (${feed})`);
void relay.caughtUp.then(() => {
  const what = config.kafkaBrokers ? 'caught up with Kafka' : 'today so far replayed';
  console.log(`石泉 wall: ready, ${what} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
});
if (!relay.servesWall) console.error(`relay: the wall is not built (${config.wallDir} is missing); run npm run build — serving the API only`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    relay.close().then(
      () => process.exit(0),
      (error: unknown) => fail(`stopping failed: ${String(error)}`, 1),
    );
  });
}
