// Trace tool (dev): the wall in Chromium fed through a relay at 5,000 events/s, then idle, each
// phase under Chromium's tracing; prints, per phase, what the page's main thread ran — the ticks
// (socket messages), the frames (animation frames), the timers — as wall-clock and as CPU time
// (the trace's thread time), and its long tasks with the CPU each really used. On a small shared
// machine a task's wall-clock time is mostly waiting for a core; the CPU time is its work.
// `npx tsx test/bench/traceWall.ts` (TRACE_SECONDS, TRACE_NO_BUILD=1 as in profileWall.ts; TRACE_CSS:
// a stylesheet added to the page first, to see what a visual effect costs).
import { writeFile } from 'node:fs/promises';
import { HIGH_RATE } from './plan.ts';
import { openWallUnderLoad } from './infra/wallUnderLoad.ts';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { type?: string; functionName?: string } };
}

const SECONDS = Number(process.env.TRACE_SECONDS ?? 10);
const LONG_TASK_MS = 50;
const say = (line: string) => process.stderr.write(`trace: ${line}\n`);

/** What a main-thread task ran, from the first event inside it that says. */
function taskKind(inside: readonly TraceEvent[]): string {
  for (const event of inside) {
    if (event.name === 'FireAnimationFrame') return 'frames';
    if (event.name === 'TimerFire') return 'timers';
    if (event.name === 'FunctionCall' && event.args?.data?.functionName === 'ws.onmessage') return 'ticks';
    if (event.name === 'EventDispatch' && event.args?.data?.type === 'message') return 'ticks';
  }
  return 'other';
}

function summarise(trace: { traceEvents: TraceEvent[] }): string[] {
  const events = trace.traceEvents;
  const threadNames = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name]));
  const counts = new Map<string, number>();
  for (const e of events) if (threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain') counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X').sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  if (mine.length === 0) return ['  no main-thread events'];
  const seconds = (mine.at(-1)!.ts - mine[0]!.ts) / 1e6;
  const kinds = new Map<string, { n: number; wall: number; cpu: number; long: number[] }>();
  let until = -1;
  let next = 0;
  for (const task of mine) {
    if (task.ts < until) continue;
    until = task.ts + (task.dur ?? 0);
    while (next < mine.length && mine[next]!.ts < task.ts) next++;
    const inside: TraceEvent[] = [];
    for (let i = next; i < mine.length && mine[i]!.ts < until; i++) inside.push(mine[i]!);
    const kind = kinds.get(taskKind(inside)) ?? { n: 0, wall: 0, cpu: 0, long: [] };
    kind.n++;
    kind.wall += (task.dur ?? 0) / 1000;
    kind.cpu += (task.tdur ?? 0) / 1000;
    if ((task.dur ?? 0) / 1000 > LONG_TASK_MS) kind.long.push(task.dur! / 1000, (task.tdur ?? 0) / 1000);
    kinds.set(taskKind(inside), kind);
  }
  const lines = [`  ${seconds.toFixed(1)} s of main thread; per kind of task: count, wall-clock and CPU ms a second, ms each; long tasks (wall / CPU ms)`];
  for (const [name, k] of [...kinds].sort((a, b) => b[1].wall - a[1].wall)) {
    const long = [];
    for (let i = 0; i < k.long.length; i += 2) long.push(`${k.long[i]!.toFixed(0)}/${k.long[i + 1]!.toFixed(0)}`);
    lines.push(
      `  ${name.padEnd(7)} ${String(k.n).padStart(5)}  wall ${(k.wall / seconds).toFixed(1).padStart(6)} ms/s  cpu ${(k.cpu / seconds).toFixed(1).padStart(6)} ms/s  each ${(k.wall / k.n).toFixed(2)} / ${(k.cpu / k.n).toFixed(2)} ms  long ${long.length}${long.length > 0 ? ` (${long.join(' ')})` : ''}`,
    );
  }
  return lines;
}

const rig = await openWallUnderLoad('trace', !process.env.TRACE_NO_BUILD);
try {
  // An experiment's stylesheet (TRACE_CSS), e.g. to see what an effect costs the frames.
  if (process.env.TRACE_CSS) await rig.page.addStyleTag({ content: process.env.TRACE_CSS });
  say('warm-up 8 s');
  await rig.feed(HIGH_RATE, HIGH_RATE, 8);
  for (const [label, rate] of [['high', HIGH_RATE], ['idle', 0]] as const) {
    await rig.browser.startTracing(rig.page, { categories: ['devtools.timeline', 'toplevel'] });
    await rig.feed(rate, HIGH_RATE, SECONDS);
    const buffer = await rig.browser.stopTracing();
    await writeFile(`/tmp/trace-${label}.json`, buffer);
    process.stdout.write(`== ${label} (${rate} events/s), trace in /tmp/trace-${label}.json\n${summarise(JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).join('\n')}\n`);
  }
} finally {
  await rig.close();
}
process.exit(0);
