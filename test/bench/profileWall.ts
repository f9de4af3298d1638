// Profile tool (dev): the wall in Chromium fed through a relay, idle then at 5,000 events/s, a
// CPU profile of the page's main thread in each phase, summarised by self time per function.
import { writeFile } from 'node:fs/promises';
import { openWallUnderLoad } from './infra/wallUnderLoad.ts';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function summarise(profile: Profile, seconds: number, top = 25): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + dt);
  }
  const name = (node: Node) => {
    const file = node.callFrame.url.split('/').pop() ?? '';
    return `${node.callFrame.functionName || '(anon)'} ${file}:${node.callFrame.lineNumber + 1}`;
  };
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    selfBy.set(name(node), (selfBy.get(name(node)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      totalBy.set(key, (totalBy.get(key) ?? 0) + us);
    }
  }
  const fmt = (entries: Map<string, number>) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, us]) => `  ${(us / 1000 / seconds).toFixed(1).padStart(7)} ms/s  ${key}`);
  return ['self:', ...fmt(selfBy), 'total:', ...fmt(totalBy)];
}

const say = (line: string) => process.stderr.write(`profile: ${line}\n`);
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const RATE = Number(process.env.PROFILE_RATE ?? 5000);

const rig = await openWallUnderLoad('profile', !process.env.PROFILE_NO_BUILD);
try {
  await rig.page.evaluate(
    'window.__longTasks = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: "longtask" });' +
      'window.__frames = 0; (function f() { window.__frames++; requestAnimationFrame(f); })();' +
      // Counting mutations costs the page (the DOM calls that trigger them look dearer): only when asked.
      (process.env.PROFILE_MUTATIONS === '1'
        ? 'window.__mut = {}; new MutationObserver((records) => { for (const r of records) { const t = r.target.nodeType === 1 ? r.target : r.target.parentElement; const owner = t?.closest("[data-testid^=panel-], [data-testid=alarm-queue], header, [data-testid=connection]"); const key = (owner?.dataset.testid ?? owner?.tagName ?? "?") + ":" + r.type; window.__mut[key] = (window.__mut[key] ?? 0) + 1; } }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });'
        : 'window.__mut = {};'),
  );
  const cdp = await rig.page.context().newCDPSession(rig.page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  say('warm-up 8 s');
  await rig.feed(RATE, RATE, 8);
  const measure = async (label: string, rate: number) => {
    await rig.page.evaluate('window.__mut = {}');
    const before = (await rig.page.evaluate('({ t: window.__wallStore.deltaTiming(), f: window.__frames, lt: window.__longTasks.length })')) as {
      t: { count: number; meanMs: number };
      f: number;
      lt: number;
    };
    await cdp.send('Profiler.start');
    const started = Date.now();
    await rig.feed(rate, RATE, SECONDS);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const seconds = (Date.now() - started) / 1000;
    const after = (await rig.page.evaluate('({ t: window.__wallStore.deltaTiming(), f: window.__frames, lt: window.__longTasks.slice(), m: window.__mut })')) as {
      t: { count: number; meanMs: number };
      f: number;
      lt: number[];
      m: Record<string, number>;
    };
    const ticks = after.t.count - before.t.count;
    const msPerTick = (after.t.meanMs * after.t.count - before.t.meanMs * before.t.count) / ticks;
    const long = after.lt.slice(before.lt);
    await writeFile(`/tmp/wall-${label}.cpuprofile`, JSON.stringify(profile));
    const lines = [
      `== ${label} (${rate} events/s, ${seconds.toFixed(1)} s): ${ticks} ticks, ${msPerTick.toFixed(2)} ms/tick, ${((after.f - before.f) / seconds).toFixed(2)} fps, long tasks ${long.length} (${long.map((d) => Math.round(d)).join(' ')})`,
      `mutations per tick: ${Object.entries(after.m).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${(n / ticks).toFixed(1)}`).join(', ')}`,
      ...summarise(profile, seconds),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  };
  await measure('high', RATE);
  await measure('low', 10);
  await measure('idle', 0);
  await measure('high2', RATE);
} finally {
  await rig.close();
}
process.exit(0);
