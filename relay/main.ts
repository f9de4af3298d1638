// Entry point: configuration from the environment and flags, then the relay. Bad settings exit
// with status 2 and one line; a relay that cannot start (port taken) with 1. Kafka unreachable
// is not a failed start: the relay serves and keeps trying (see relay.ts).
import { CommanderError, ConfigError, parseConfig, type RelayConfig } from './config.ts';
import { log, setLogLevel } from './log.ts';
import { startRelay } from './relay.ts';

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

const relay = await startRelay(config).catch((error: unknown) =>
  fail(`cannot start: ${error instanceof Error ? error.message : String(error)}`, 1),
);
// One human line even when logs are quiet, so `npm start` says where to look.
const feed = config.kafkaBrokers ? `Kafka ${config.kafkaBrokers.join(',')}` : `embedded replay at ${config.replaySpeed}×`;
console.log(`石泉 wall: http://localhost:${relay.port} (${feed})`);
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
