// `npm run bench` — the relay and the wall measured side by side with baselines, every figure a
// ratio of two things measured in the same run: our relay against a naive relay and a raw Kafka
// consumer, the wall at a high event rate against a low one and against idle. Starts what it
// needs (a Kafka broker unless KAFKA_BROKERS is set, relays, a crowd of walls, Chromium), prints
// the table on stdout, writes JSON with --json. Progress on stderr.
//
// Exit status: 0 when every figure was measured (targets missed or not: they are reported, not
// asserted), 1 when one could not be, 2 for a bad flag.
import { Command, CommanderError } from 'commander';
import { writeFile } from 'node:fs/promises';
import type { BenchContext } from './context.ts';
import { startCrowd, type Crowd } from './crowd/crowd.ts';
import { FIGURE_NAMES } from './figures.ts';
import { openKafka } from './infra/kafka.ts';
import { openLoadSource } from './infra/loadStream.ts';
import { buildWall } from './infra/wallBuild.ts';
import { describeMachine, describeRevision } from './machine.ts';
import { FULL_PLAN, QUICK_PLAN } from './plan.ts';
import { benchDocument, FIGURE_GROUPS, figuresOf, tableLines } from './report.ts';
import { GROUPS, type BenchResults, type Group } from './results.ts';
import { measureIngest } from './scenarios/ingest.ts';
import { measureRelays } from './scenarios/relays.ts';
import { measureWallPage } from './scenarios/wallPage.ts';

interface Flags {
  quick: boolean;
  json?: string;
  only: Group[];
}

const say = (line: string) => process.stderr.write(`bench: ${line}\n`);

const ENVIRONMENT = `
Environment:
  KAFKA_BROKERS  use this Kafka (host:port,…) instead of starting a broker
  CHROMIUM_PATH  the Chromium to drive (default /usr/bin/chromium)

Targets are reported, not asserted: the exit status is 1 only when a figure could not be measured.`;

function parseGroups(text: string): Group[] {
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.find((name) => !(GROUPS as readonly string[]).includes(name));
  if (unknown !== undefined) throw new CommanderError(2, 'bench.only', `--only: no scenario "${unknown}" (${GROUPS.join(', ')})`);
  return names as Group[];
}

function readFlags(argv: readonly string[]): Flags {
  const program = new Command('bench')
    .description('Our relay and wall side by side with baselines; every figure a ratio measured in one run.')
    .option('--quick', 'a run of a few minutes (shorter phases, smaller samples)')
    .option('--json <file>', 'write every figure, the numbers behind it and the machine as JSON')
    .option('--only <scenarios>', `run only these, comma-separated: ${GROUPS.join(', ')} (default: all)`, parseGroups)
    .addHelpText('after', ENVIRONMENT)
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ outputError: () => undefined });
  program.parse([...argv], { from: 'user' });
  const options = program.opts<Partial<Flags>>();
  return { quick: options.quick ?? false, only: options.only ?? [...GROUPS], ...(options.json ? { json: options.json } : {}) };
}

async function runGroup(group: Group, results: BenchResults, measure: () => Promise<void>): Promise<void> {
  try {
    await measure();
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0] ?? '';
    results.errors[group] = message;
    say(`${group} stopped: ${message}`);
  }
}

async function run(flags: Flags): Promise<number> {
  const plan = flags.quick ? QUICK_PLAN : FULL_PLAN;
  const startedAt = Date.now();
  const machine = describeMachine();
  // Taken before anything is built or started: the code this run measures.
  const revision = describeRevision();
  say(`${plan.mode} run on ${machine.cpus} × ${machine.cpuModel}, load ${machine.loadAverage.join(' ')}`);
  const results: BenchResults = { errors: {} };
  for (const group of GROUPS) if (!flags.only.includes(group)) results.errors[group] = 'not asked for (--only)';

  const wallBuild = flags.only.includes('wall') ? buildWall() : null;
  say(`${process.env.KAFKA_BROKERS ? `Kafka at ${process.env.KAFKA_BROKERS}` : 'starting a Kafka broker'}${wallBuild ? '; building the wall meanwhile' : ''}`);
  // Settled here, awaited by the wall scenario: a failed build must not go unhandled meanwhile.
  wallBuild?.catch(() => undefined);
  const kafka = await openKafka(process.env);
  let crowd: Crowd | null = null;
  try {
    const context: BenchContext = { brokers: kafka.brokers, load: await openLoadSource(kafka.brokers), plan, say };
    if (flags.only.includes('ingest') || flags.only.includes('relays')) {
      const walls = (crowd = await startCrowd());
      if (flags.only.includes('ingest')) await runGroup('ingest', results, async () => void (results.ingest = await measureIngest(context, walls)));
      if (flags.only.includes('relays')) await runGroup('relays', results, () => measureRelays(context, walls, results));
    }
    if (wallBuild) {
      await runGroup('wall', results, async () => void (results.page = await measureWallPage(context, await wallBuild)));
    }
  } finally {
    await crowd?.close();
    await kafka.stop();
  }

  const figures = figuresOf(results, plan);
  for (const line of tableLines(figures)) process.stdout.write(`${line}\n`);
  if (flags.json) {
    // The load at the end too: other work on the machine during the run shows there.
    const machineSeen = { ...machine, loadAverageAtEnd: describeMachine().loadAverage };
    const document = benchDocument({
      plan,
      machine: machineSeen,
      revision,
      kafka: kafka.description,
      startedAt,
      finishedAt: Date.now(),
      figures,
      results,
    });
    await writeFile(flags.json, `${JSON.stringify(document, null, 2)}\n`);
    say(`wrote ${flags.json}`);
  }
  const asked = FIGURE_NAMES.filter((name) => flags.only.includes(FIGURE_GROUPS[name]));
  return asked.every((name) => figures[name].value !== null) ? 0 : 1;
}

async function main(): Promise<number> {
  try {
    return await run(readFlags(process.argv.slice(2)));
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode !== 0) say(error.message.replace(/^error: /, ''));
      return error.exitCode === 0 ? 0 : 2;
    }
    say((error instanceof Error ? error.message : String(error)).split('\n', 1)[0] ?? '');
    return 1;
  }
}

// Exit explicitly: a client library's timer left behind must not keep a finished bench waiting.
process.exit(await main());
