// The `simulate` command: flags → profile → geo pack → events → target, then a one-line summary
// on stderr. Exit status 0 on success, 2 for a bad flag or profile (one line on stderr), 1 when
// the run itself fails (pack, file system, target).
import { Command, CommanderError } from 'commander';
import { DEFAULT_PACK_DIR, loadPack } from '../geo/loadPack.ts';
import type { ProducerEvent } from '../relay/contract/index.ts';
import { eventSource } from './eventSource.ts';
import { parseFlags, UsageError, type Flags, type RawFlags } from './flags.ts';
import { simCompoundsFromPack } from './generate/compounds.ts';
import { locateProfile, ProfileError, readProfile } from './profile/readProfile.ts';
import { MAX_RATE } from './profile/schema.ts';
import { replayFile } from './replay.ts';
import { runSimulation } from './run.ts';
import { formatSummary } from './summary.ts';
import { openFileTarget } from './targets/file.ts';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const EXAMPLES = `
Examples:
  npm run simulate -- --profile historical --sources sensor,alarm110 --out events.ndjson
  npm run simulate -- --profile historical --sources camera --from 2019-11-01 --to 2019-11-01 --out -
  npm run simulate -- --profile load --rate 2000 --duration 60s --out load.ndjson
  npm run simulate -- --in events.ndjson --speed 3600 --out -

Files written with --out keep the historical timestamps; --speed N paces the writing N times
faster than the events' own clock (default max: as fast as the target takes).`;

function buildCommand(): Command {
  return new Command('simulate')
    .usage('[options]')
    .description("Replays 石泉路街道's historical event volumes, or generates load, as contract events.")
    .option('--profile <name|file>', 'historical, load, or a profile JSON file (default: historical)')
    .option('--from <date>', "historical: first day YYYY-MM-DD (default: the profile's window); load: start, an ISO time with offset, epoch ms or a date (default: now)")
    .option('--to <date>', "historical: last day YYYY-MM-DD, inclusive (default: the profile's window)")
    .option('--sources <list>', 'only these sources: sensor,camera,alarm110 (default: all the profile has)')
    .option('--speed <N|max>', 'pace events N times faster than their timestamps, or max (default: max)')
    .option('--seed <n>', 'seed of the generator: the same seed gives the same events (default: 1)')
    .option('--rate <n>', `load: target events per second, up to ${MAX_RATE} at the burst's peak`)
    .option('--duration <time>', 'load: run length, e.g. 60s, 5m, 1h')
    .option('--out <file>', 'write NDJSON events to FILE, or - for stdout')
    .option('--in <file>', 'replay events from an NDJSON file (or - for stdin) instead of a profile')
    .option('--pack <dir>', "geo pack directory (default: the repository's geo/pack)")
    .addHelpText('after', EXAMPLES)
    .allowExcessArguments(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: () => undefined });
}

/** Commander's messages start with "error: " and may put a suggestion on a second line. */
function commanderMessage(error: CommanderError): string {
  return error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
}

async function eventsOf(flags: Flags): Promise<Iterable<ProducerEvent> | AsyncIterable<ProducerEvent>> {
  if ('file' in flags.input) return replayFile(flags.input.file, flags.sources);
  const profileName = flags.input.profile;
  const profile = await readProfile(profileName);
  const pack = await loadPack(flags.pack ?? DEFAULT_PACK_DIR);
  return eventSource({
    flags,
    profile,
    profileLabel: locateProfile(profileName).label,
    compounds: simCompoundsFromPack(pack),
    now: Date.now(),
  });
}

/** Runs the command for `argv` (without node and script); resolves to the exit status. */
export async function runCli(argv: readonly string[], stderr: (line: string) => void): Promise<number> {
  const command = buildCommand();
  try {
    command.parse(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help') return EXIT_OK;
    stderr(`simulate: ${commanderMessage(error)}`);
    return EXIT_USAGE;
  }
  try {
    const flags = parseFlags(command.opts<RawFlags>());
    const events = await eventsOf(flags);
    const target = await openFileTarget(flags.out);
    const result = await runSimulation({ events, target, speed: flags.speed });
    stderr(formatSummary(result, target.name));
    return EXIT_OK;
  } catch (error) {
    const usage = error instanceof UsageError || error instanceof ProfileError;
    const message = error instanceof Error ? error.message : String(error);
    stderr(`simulate: ${message.split('\n', 1)[0] ?? ''}`);
    return usage ? EXIT_USAGE : EXIT_FAILED;
  }
}
