// The `simulate` command: flags → profile (or a file) → events → target (a file or Kafka), with
// probe walls on a relay when asked; then the summary on stderr, the thresholds' verdict and the
// reports. Exit status 0 on success, 2 for a bad flag or profile (one line on stderr), 1 when the
// run itself fails (pack, file system, Kafka, relay) or a threshold is missed.
import { Command, CommanderError } from 'commander';
import { writeFile } from 'node:fs/promises';
import { createCompoundLocator } from '../geo/compoundLocator.ts';
import { DEFAULT_PACK_DIR, loadPack } from '../geo/loadPack.ts';
import type { GeoPack } from '../geo/schema.ts';
import { DEFAULT_TOPIC_PREFIX, type ProducerEvent } from '../relay/contract/index.ts';
import { COMPRESSION_NAMES } from '../kafka/codecs.ts';
import { KAFKA_SECURITY_HELP, KafkaSecurityError, kafkaSecurityFromEnv, type KafkaSecurity } from '../kafka/security.ts';
import { eventSource } from './eventSource.ts';
import { parseFlags, UsageError, type Flags, type RawFlags } from './flags.ts';
import { simCompoundsFromPack } from './generate/compounds.ts';
import { OrdinalLog } from './measure/ordinalLog.ts';
import { RateSeries } from './measure/rateSeries.ts';
import { startMeasurement } from './measure/session.ts';
import { locateProfile, ProfileError, readProfile } from './profile/readProfile.ts';
import { MAX_RATE, type Profile } from './profile/schema.ts';
import { createProgress } from './progress.ts';
import { replayFile } from './replay.ts';
import { reportHtml } from './report/html.ts';
import { buildReport, reportJson, reportOptions, type RunReport } from './report/reportData.ts';
import { runSimulation, type RunResult } from './run.ts';
import { summaryLines } from './summary.ts';
import { compoundKey } from './targets/eventKey.ts';
import { openFileTarget } from './targets/file.ts';
import { openKafkaTarget } from './targets/kafka.ts';
import type { Target } from './targets/target.ts';
import { THRESHOLD_METRICS } from './thresholds.ts';
import type { Speed } from './timeline.ts';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const METRICS_HELP = Object.entries(THRESHOLD_METRICS)
  .map(([name, { unit, meaning }]) => `  ${name.padEnd(5)} ${meaning} (${unit})`)
  .join('\n');

const EXAMPLES = `
Examples:
  npm run simulate -- --profile historical --sources sensor,alarm110 --out events.ndjson
  npm run simulate -- --profile historical --sources camera --from 2019-11-01 --to 2019-11-01 --out -
  npm run simulate -- --profile load --rate 2000 --duration 60s --out load.ndjson
  npm run simulate -- --in events.ndjson --speed 3600 --brokers 127.0.0.1:19092
  npm run simulate -- --profile load --rate 2000 --duration 60s --brokers 127.0.0.1:19092 \\
      --relay http://127.0.0.1:8080 --threshold 'p99<500' --threshold loss==0 --threshold dup==0 \\
      --report run.json --html run.html

Time: files written with --out keep the historical timestamps. Kafka is a live target: the
events' timeline is shifted to start now and compressed by --speed (at max, each event is
stamped when sent). --speed defaults to max, except a load profile into Kafka, which keeps
its own schedule (1). Replaying a window twice with the same --seed sends the same event ids,
which a relay counts once: use another seed.

${KAFKA_SECURITY_HELP}

Threshold metrics (METRIC OP NUMBER, OP one of < <= > >= ==):
${METRICS_HELP}
Latency is measured by ordinal: the k-th counted event of a source is delivered when a probe
wall first sees that source's total reach k. A missed threshold makes the exit status 1.`;

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

function buildCommand(): Command {
  return new Command('simulate')
    .usage('[options]')
    .description("Replays 石泉路街道's historical event volumes, or generates load, as contract events; measures a relay.")
    .option('--profile <name|file>', 'historical, load, or a profile JSON file (default: historical)')
    .option('--from <date>', "historical: first day YYYY-MM-DD (default: the profile's window); load: start, an ISO time with offset, epoch ms or a date (default: now)")
    .option('--to <date>', "historical: last day YYYY-MM-DD, inclusive (default: the profile's window)")
    .option('--sources <list>', 'only these sources: sensor,camera,alarm110,grid,hotline (default: all the profile has)')
    .option('--speed <N|max>', 'replay N times faster than the events\' own clock, or max (default: see Time below)')
    .option('--seed <n>', 'seed of the generator: the same seed gives the same events (default: 1)')
    .option('--rate <n>', `load: target events per second, up to ${MAX_RATE} at the burst's peak`)
    .option('--duration <time>', 'load: run length, e.g. 60s, 5m, 1h')
    .option('--out <file>', 'target: write NDJSON events to FILE, or - for stdout')
    .option('--brokers <host:port,…>', 'target: Kafka bootstrap servers; topics PREFIX.sensor|camera|alarm110|grid|hotline are created if missing')
    .option('--topic-prefix <prefix>', `Kafka topic prefix (default: ${DEFAULT_TOPIC_PREFIX})`)
    .option('--compression <codec>', `Kafka batches compressed with ${COMPRESSION_NAMES.join(', ')} (default: none)`)
    .option('--in <file>', 'replay events from an NDJSON file (or - for stdin) instead of a profile')
    .option('--relay <url>', 'measure the relay that reads those topics: its /api/state and probe walls over Socket.IO')
    .option('--probes <n>', 'probe walls connected to the relay (default: 2)')
    .option('--wall-token <token>', "the relay's WALL_TOKEN (default: $WALL_TOKEN; flags show in ps)")
    .option('--threshold <expr>', 'pass/fail condition such as p99<500, loss==0, rate>=1900 (repeatable)', collect)
    .option('--report <file.json>', 'write everything the run found out as JSON')
    .option('--html <file.html>', 'write a self-contained HTML report with charts')
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

interface RunSource {
  events: Iterable<ProducerEvent> | AsyncIterable<ProducerEvent>;
  type: Profile['type'] | 'file';
  expected: number | null;
}

async function eventsOf(flags: Flags, pack: () => Promise<GeoPack>): Promise<RunSource> {
  if ('file' in flags.input) return { events: replayFile(flags.input.file, flags.sources), type: 'file', expected: null };
  const profileName = flags.input.profile;
  const profile = await readProfile(profileName);
  return eventSource({
    flags,
    profile,
    profileLabel: locateProfile(profileName).label,
    compounds: simCompoundsFromPack(await pack()),
    now: Date.now(),
  });
}

async function openTarget(flags: Flags, security: KafkaSecurity, pack: () => Promise<GeoPack>): Promise<Target> {
  const { target } = flags;
  if (target.kind === 'file') return openFileTarget(target.path);
  const keyOf = compoundKey(createCompoundLocator((await pack()).compounds.features));
  return openKafkaTarget({ brokers: target.brokers, topicPrefix: target.topicPrefix, compression: target.compression, security, keyOf });
}

/** A load profile into a live target keeps its own schedule; everything else goes at max. */
function speedOf(flags: Flags, type: RunSource['type']): Speed {
  return flags.speed ?? (flags.target.kind === 'kafka' && type === 'load' ? 1 : 'max');
}

async function writeReport(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new Error(`cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** The run loop with the progress bar and the recorders of what was sent when. */
async function sendAll(source: RunSource, target: Target, speed: Speed, log: OrdinalLog, rates: RateSeries): Promise<RunResult> {
  const progress = createProgress(source.expected);
  let sent = 0;
  try {
    return await runSimulation({
      events: source.events,
      target,
      speed,
      onSent(events, at) {
        log.record(events, at);
        rates.record(events.length, at);
        progress.update((sent += events.length), at);
      },
    });
  } finally {
    progress.stop();
  }
}

async function simulate(flags: Flags, security: KafkaSecurity): Promise<RunReport> {
  let packLoaded: Promise<GeoPack> | undefined;
  const pack = () => (packLoaded ??= loadPack(flags.pack ?? DEFAULT_PACK_DIR));
  const source = await eventsOf(flags, pack);
  const speed = speedOf(flags, source.type);
  const startedAt = Date.now();
  const log = new OrdinalLog();
  const rates = new RateSeries(startedAt);
  const measurement = flags.measure ? await startMeasurement({ ...flags.measure, log, startedAt }) : null;
  let target: Target | null = null;
  try {
    target = await openTarget(flags, security, pack);
    const targetName = target.name;
    const run = await sendAll(source, target, speed, log, rates);
    // The run loop has closed it.
    target = null;
    const measured = measurement ? await measurement.finish(run.truth) : null;
    const input = { options: reportOptions(flags, speed), startedAt, endedAt: Date.now(), run, targetName };
    return buildReport({ ...input, ratePerSecond: rates.perSecond(), measurement: measured }, flags.thresholds);
  } catch (error) {
    measurement?.close();
    // After a failure the run loop has not closed the target: release it (Kafka's sockets).
    await target?.close().catch(() => undefined);
    throw error;
  }
}

/** Runs the command for `argv` (without node and script); resolves to the exit status. */
export async function runCli(
  argv: readonly string[],
  stderr: (line: string) => void,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
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
    const raw = command.opts<RawFlags>();
    if (raw.relay !== undefined && raw.wallToken === undefined && env.WALL_TOKEN) raw.wallToken = env.WALL_TOKEN;
    const flags = parseFlags(raw);
    // From the environment only (never flags, which show in ps); kept out of the report.
    let security: KafkaSecurity;
    try {
      security = kafkaSecurityFromEnv(env);
    } catch (error) {
      throw error instanceof KafkaSecurityError ? new UsageError(error.message) : error;
    }
    const report = await simulate(flags, security);
    for (const line of summaryLines(report)) stderr(line);
    if (flags.report) await writeReport(flags.report, reportJson(report));
    if (flags.html) await writeReport(flags.html, reportHtml(report));
    return report.passed ? EXIT_OK : EXIT_FAILED;
  } catch (error) {
    const usage = error instanceof UsageError || error instanceof ProfileError;
    const message = error instanceof Error ? error.message : String(error);
    stderr(`simulate: ${message.split('\n', 1)[0] ?? ''}`);
    return usage ? EXIT_USAGE : EXIT_FAILED;
  }
}
