// `npm run soak` — the wall in Chromium under a steady load for a long time, to show its memory
// stays bounded: a Kafka broker (unless KAFKA_BROKERS is set), the wall built from the working
// tree and served by a relay (a child process) fed from Kafka, the simulator's load profile
// held at --rate, and the page sampled every 30 s (see sampler.ts). The growth of the JS heap
// from the end of the warm-up to the end is judged against 20 MB. The bench's pieces do the
// starting; progress on stderr, the summary on stdout, every sample as JSON with --json.
//
// Exit status: 0 when the heap grew less than the limit, 1 when it did not or the run failed,
// 2 for a bad flag.
import { CommanderError } from 'commander';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser } from 'playwright-core';
import { waitUntilReady } from '../../simulator/measure/relayHttp.ts';
import { mapReady, openWall } from '../browser/support/wallPage.ts';
import { freshTopics, openKafka } from '../bench/infra/kafka.ts';
import { countedEvents, openLoadSource, sendLoad } from '../bench/infra/loadStream.ts';
import { buildWall } from '../bench/infra/wallBuild.ts';
import { describeMachine, describeRevision } from '../bench/machine.ts';
import { TICK_HZ } from '../bench/plan.ts';
import { STORE_READY } from '../bench/scenarios/wallPage.ts';
import { launchChromium } from '../infra/chromium.ts';
import { spawnRelay, type ChildRelay } from '../integration/support/relays.ts';
import { readSoakFlags, type SoakFlags } from './flags.ts';
import { sampleLine, summaryLines } from './report.ts';
import { startSampler, type Sampler } from './sampler.ts';
import { sampleTimes, summarize, type SoakSample } from './summary.ts';

const SOAK_WALL_DIR = fileURLToPath(new URL('../.cache/soak/wall', import.meta.url));
const LIMIT_MB = 20;
const SAMPLE_EVERY_S = 30;
const READY_TIMEOUT_MS = 120_000;
/** Page errors kept in the JSON; the count is kept whatever it is. */
const KEPT_ERRORS = 20;
/** Characters of the relay's stderr kept in the JSON (it logs errors only). */
const KEPT_STDERR = 4000;

const say = (line: string) => process.stderr.write(`soak: ${line}\n`);
const lastLine = (text: string) => text.trim().split('\n').pop() ?? '';
const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n', 1)[0] ?? '';

async function run(flags: SoakFlags): Promise<number> {
  const startedAt = Date.now();
  const machine = describeMachine();
  const revision = describeRevision();
  const warmupSeconds = flags.warmupMinutes * 60;
  const totalSeconds = warmupSeconds + flags.minutes * 60;
  say(`${flags.warmupMinutes} min warm-up + ${flags.minutes} min measured at ${flags.rate} events/s on ${machine.cpus} × ${machine.cpuModel}, load ${machine.loadAverage.join(' ')}`);

  const wallBuild = buildWall(SOAK_WALL_DIR);
  // Settled here, awaited below: a failed build must not go unhandled meanwhile.
  wallBuild.catch(() => undefined);
  say(`${process.env.KAFKA_BROKERS ? `Kafka at ${process.env.KAFKA_BROKERS}` : 'starting a Kafka broker'}; building the wall meanwhile`);
  const kafka = await openKafka(process.env);
  let relay: ChildRelay | null = null;
  let browser: Browser | null = null;
  let sampler: Sampler | null = null;
  let stopping = false;
  try {
    const prefix = await freshTopics(kafka.brokers, 'soak');
    const load = await openLoadSource(kafka.brokers);
    const spawned = (relay = await spawnRelay({ brokers: kafka.brokers, prefix, tickHz: TICK_HZ, wallDir: await wallBuild }));
    spawned.child.once('exit', (code, signal) => {
      const said = lastLine(spawned.stderr());
      if (!stopping) say(`the relay exited (${signal ?? `status ${code}`}): ${said || 'nothing on its stderr'}`);
    });
    await waitUntilReady(relay.url, READY_TIMEOUT_MS);
    const launched = await launchChromium();
    browser = launched.browser;
    const url = `${relay.url}/${flags.urlParams ? `?${flags.urlParams}` : ''}`;
    say(`Chromium ${browser.version()} (${launched.backend}) opens ${url} at ${flags.viewport.width}×${flags.viewport.height}`);
    const wall = await openWall(browser, url, flags.viewport);
    await mapReady(wall.page);
    await wall.page.waitForFunction(STORE_READY, undefined, { timeout: READY_TIMEOUT_MS, polling: 500 });
    sampler = await startSampler(wall.page, relay);

    say(`load on: ${flags.rate} events/s for ${totalSeconds / 60} min; a sample every ${SAMPLE_EVERY_S} s, the baseline at ${warmupSeconds / 60} min`);
    const loadStartedAt = Date.now();
    let loadError: unknown = null;
    const sending = sendLoad(load, { prefix, rate: flags.rate, seconds: totalSeconds });
    sending.catch((error: unknown) => (loadError = error));
    const samples: SoakSample[] = [];
    let warmHeapMB: number | null = null;
    for (const at of sampleTimes(totalSeconds, warmupSeconds, SAMPLE_EVERY_S)) {
      await sleep(Math.max(0, loadStartedAt + at * 1000 - Date.now()));
      if (loadError !== null) throw new Error(`the load stopped: ${firstLine(loadError)}`);
      const sample = await sampler.sample((Date.now() - loadStartedAt) / 1000);
      samples.push(sample);
      if (warmHeapMB === null && sample.seconds >= warmupSeconds) warmHeapMB = sample.heapMB;
      say(sampleLine(sample, warmHeapMB));
    }
    const sent = await sending;
    const summary = summarize(samples, warmupSeconds, LIMIT_MB);
    if (!summary) throw new Error('fewer than two samples after the warm-up');
    // The kiosk's record of why the page reloaded itself, if it did (window.__wallKiosk).
    const kioskReloads: unknown = await wall.page.evaluate('window.__wallKiosk ? window.__wallKiosk.reloads : null');
    const facts = { flags, samples, sent: sent.truth.events, sendSeconds: sent.elapsedMs / 1000, counted: countedEvents(sent.truth), pageErrors: wall.errors.length };
    for (const line of summaryLines(summary, facts)) process.stdout.write(`${line}\n`);

    if (flags.json) {
      const document = {
        flags,
        url,
        startedAt: new Date(startedAt).toISOString(),
        finishedAt: new Date().toISOString(),
        machine: { ...machine, loadAverageAtEnd: describeMachine().loadAverage },
        revision,
        kafka: kafka.description,
        chromium: { version: browser.version(), webgl: launched.backend },
        load: { events: facts.sent, counted: facts.counted, seconds: facts.sendSeconds },
        summary,
        kioskReloads,
        relayStderrTail: relay.stderr().slice(-KEPT_STDERR),
        pageErrors: { count: wall.errors.length, first: wall.errors.slice(0, KEPT_ERRORS) },
        samples,
      };
      await writeFile(flags.json, `${JSON.stringify(document, null, 2)}\n`);
      say(`wrote ${flags.json}`);
    }
    return summary.pass ? 0 : 1;
  } finally {
    stopping = true;
    await sampler?.close().catch(() => undefined);
    await browser?.close();
    await relay?.kill('SIGTERM');
    await kafka.stop();
  }
}

async function main(): Promise<number> {
  try {
    return await run(readSoakFlags(process.argv.slice(2)));
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode !== 0) say(error.message.replace(/^error: /, ''));
      return error.exitCode === 0 ? 0 : 2;
    }
    say(firstLine(error));
    return 1;
  }
}

// Exit explicitly: a client library's timer left behind must not keep a finished soak waiting.
process.exit(await main());
