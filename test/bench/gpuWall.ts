// The wall at its full size (7680×2160) on a machine with a GPU, with the live stream: frames per
// second, main-thread ms per tick and long tasks, idle against 5,000 events/s. Such a machine may
// have neither Kafka nor Java, so the relay runs in this process on its
// embedded bus, fed by the same load generator the bench sends to Kafka, on a schedule fixed at
// the start: a warm-up at the high rate, then rounds of idle and high phases (high, idle; then
// idle, high). Chromium is whichever CHROMIUM_PATH names; the first of the flag sets below that
// gives a WebGL2 context on a hardware renderer is used (software renderers are reported, not
// measured). Writes one JSON file and a PNG of the wall to GPU_WALL_OUT (default: the working
// directory). How to carry it to such a machine: docs/benchmarks.md.
//
//   CHROMIUM_PATH=… npx tsx test/bench/gpuWall.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser } from 'playwright-core';
import { parseConfig } from '../../relay/config.ts';
import { SOURCES, type ProducerEvent } from '../../relay/contract/index.ts';
import { setLogLevel } from '../../relay/log.ts';
import { runRelay } from '../../relay/relay.ts';
import { simCompoundsFromPack } from '../../simulator/generate/compounds.ts';
import { loadEvents } from '../../simulator/generate/load.ts';
import { readProfile } from '../../simulator/profile/readProfile.ts';
import { mapReady, openWall } from '../browser/support/wallPage.ts';
import { CHROMIUM_PATH, COMMON_FLAGS, webGlRenderer } from '../infra/chromium.ts';
import { steadyProfile } from './infra/loadStream.ts';
import { pagePhase, poolPhases, type PagePhase } from './pagePhase.ts';
import { HIGH_RATE, TICK_HZ } from './plan.ts';
import { COUNT_FRAMES_AND_LONG_TASKS, readCounters, STORE_READY } from './scenarios/wallPage.ts';

/** GPU_WALL_SIZE and GPU_WALL_SOFTWARE=1 (measure on a software renderer too) only to try the harness itself. */
const [WIDTH, HEIGHT] = (process.env.GPU_WALL_SIZE ?? '7680x2160').split('x').map(Number) as [number, number];
if (!(WIDTH > 0 && HEIGHT > 0)) {
  console.error(`gpuWall: GPU_WALL_SIZE must be WIDTHxHEIGHT, e.g. 7680x2160, got ${JSON.stringify(process.env.GPU_WALL_SIZE)}`);
  process.exit(2);
}
const VIEWPORT = { width: WIDTH, height: HEIGHT };
const ACCEPT_SOFTWARE = process.env.GPU_WALL_SOFTWARE === '1';
const OUT = process.env.GPU_WALL_OUT ?? '.';
/** Time for Chromium to start and the wall to be on screen before the schedule begins. */
const LEAD_S = Number(process.env.GPU_WALL_LEAD_S ?? 40);
const WARM_UP_S = 10;
const PHASE_S = Number(process.env.GPU_WALL_PHASE_S ?? 20);
const ROUNDS = 2;

/** Tried in order; the first whose WebGL renderer is not a software one is measured. */
const FLAG_SETS: Record<string, string[]> = {
  'angle-gl-egl': ['--use-angle=gl-egl'],
  'angle-vulkan': ['--use-angle=vulkan', '--enable-features=Vulkan,VulkanFromANGLE,DefaultANGLEVulkan'],
};
const PROBE_TIMEOUT_MS = 30_000;
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software/i;

type PhaseName = 'idle' | 'high';

/** The phases after the warm-up, in order, with the page's rate in each. */
function schedule(): { name: PhaseName; rate: number }[] {
  const phases: { name: PhaseName; rate: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order: PhaseName[] = round % 2 === 0 ? ['high', 'idle'] : ['idle', 'high'];
    for (const name of order) phases.push({ name, rate: name === 'high' ? HIGH_RATE : 0 });
  }
  return phases;
}

/** Every flag set's renderer, and a browser started with the first hardware one (or null). */
async function launchOnGpu(): Promise<{ browser: Browser | null; flags: string | null; probes: Record<string, string | null> }> {
  const probes: Record<string, string | null> = {};
  for (const [name, flags] of Object.entries(FLAG_SETS)) {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...COMMON_FLAGS, '--ignore-gpu-blocklist', ...flags], timeout: 60_000 });
    // A GPU process that hangs must not hang the probe.
    const found = await Promise.race([webGlRenderer(browser), sleep(PROBE_TIMEOUT_MS).then(() => 'error: no answer in time')]).catch(
      (error: unknown) => `error: ${error instanceof Error ? error.message : String(error)}`,
    );
    probes[name] = found;
    console.log(JSON.stringify({ probe: name, renderer: found }));
    if (found !== null && !found.startsWith('error') && (ACCEPT_SOFTWARE || !SOFTWARE.test(found))) return { browser, flags: name, probes };
    await browser.close();
  }
  return { browser: null, flags: null, probes };
}

/** The load generator's events for the whole schedule from `t0`, as the embedded bus wants them. */
function* traffic(t0: number, compounds: ReturnType<typeof simCompoundsFromPack>, profile: Parameters<typeof steadyProfile>[0]) {
  const segments = [{ rate: HIGH_RATE, seconds: WARM_UP_S }, ...schedule().map(({ rate }) => ({ rate, seconds: PHASE_S }))];
  let startMs = t0;
  let seed = 1;
  for (const { rate, seconds } of segments) {
    if (rate > 0) {
      for (const event of loadEvents({ profile, compounds, seed: seed++, sources: SOURCES, rate, durationMs: seconds * 1000, startMs })) {
        yield { ...event, ts: Date.parse(String(event.ts)) } as ProducerEvent & { ts: number };
      }
    }
    startMs += seconds * 1000;
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  setLogLevel('warn');
  const { browser, flags, probes } = await launchOnGpu();
  const result: Record<string, unknown> = { chromium: null, probes, flags, viewport: VIEWPORT, rate: HIGH_RATE, phaseSeconds: PHASE_S };
  const write = () => writeFileSync(join(OUT, 'gpu-wall.json'), `${JSON.stringify(result, null, 2)}\n`);
  if (browser === null) {
    write();
    throw new Error('no flag set gave a hardware WebGL renderer');
  }
  result.chromium = browser.version();
  const profile = await readProfile('load');
  if (profile.type !== 'load') throw new Error('the bundled load profile is not a load profile');
  const t0 = Date.now() + LEAD_S * 1000;
  const config = parseConfig([], { PORT: process.env.GPU_WALL_PORT ?? '18473', TICK_HZ: String(TICK_HZ), LOG_LEVEL: 'warn', WALL_DIR: process.env.WALL_DIR });
  const relay = await runRelay(config, {
    demoTraffic: async ({ pack }) => () => traffic(t0, simCompoundsFromPack(pack), steadyProfile(profile)),
  });
  try {
    const wall = await openWall(browser, `http://127.0.0.1:${relay.port}/`, VIEWPORT);
    await mapReady(wall.page);
    await wall.page.waitForFunction(STORE_READY, undefined, { timeout: 120_000, polling: 500 });
    await wall.page.evaluate(COUNT_FRAMES_AND_LONG_TASKS);
    const readyAt = Date.now();
    result.readyBeforeScheduleS = (t0 - readyAt) / 1000;
    if (readyAt > t0) console.log(JSON.stringify({ warning: `the wall was ready ${(readyAt - t0) / 1000} s into the warm-up` }));
    let at = t0 + WARM_UP_S * 1000;
    await sleep(Math.max(0, at - Date.now()));
    const phases: Record<PhaseName, PagePhase[]> = { idle: [], high: [] };
    for (const { name } of schedule()) {
      const start = await readCounters(wall.page);
      at += PHASE_S * 1000;
      await sleep(Math.max(0, at - Date.now()));
      const phase = pagePhase(start, await readCounters(wall.page));
      console.log(JSON.stringify({ phase: name, ...phase }));
      phases[name].push(phase);
    }
    const idle = poolPhases(phases.idle);
    const high = poolPhases(phases.high);
    Object.assign(result, {
      idle,
      high,
      fpsRatio: idle.fps > 0 ? high.fps / idle.fps : null,
      longTasksPerMinOverIdle: Math.max(0, high.longTasksPerMin - idle.longTasksPerMin),
      tickCostRatio: idle.msPerTick && high.msPerTick ? high.msPerTick / idle.msPerTick : null,
      pageErrors: wall.errors,
    });
    await wall.page.screenshot({ path: join(OUT, 'gpu-wall.png') });
  } finally {
    write();
    await browser.close();
    await relay.close();
  }
}

await main();
