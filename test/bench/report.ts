// From what the scenarios found to the figures (each with the two numbers it came from, its
// target and pass/miss), the table on stdout and the JSON document. Pure.
import { difference, figure, FIGURE_NAMES, ratio, unmeasured, type Figure, type FigureName } from './figures.ts';
import { CEILING_SHARE, HIGH_RATE, LOW_RATE, SLOW_CLIENT_RATE, TICK_HZ, WALLS, type BenchPlan } from './plan.ts';
import type { BenchResults, Group } from './results.ts';

/** The scenario each figure comes from. */
export const FIGURE_GROUPS: Record<FigureName, Group> = {
  ingestEfficiency: 'ingest',
  fanoutCpuRatio: 'relays',
  bytesRatio: 'relays',
  p99MinusTickMs: 'relays',
  slowClientP99Ratio: 'relays',
  slowClientHeapGrowthMB: 'relays',
  wallUpdateCostRatio: 'wall',
  wallFpsRatio: 'wall',
  wallLongTasksPerMin: 'wall',
};

const TICK_MS = 1000 / TICK_HZ;

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** How each figure was measured, under which conditions, for the reader of the table and JSON. */
function howOf(results: BenchResults, plan: BenchPlan): Record<FigureName, string> {
  const { ingest, naiveFeed, ceiling, latency, slowClient, page } = results;
  const fanout = `${WALLS} walls on each relay, ${HIGH_RATE} events/s for ${plan.fanoutSeconds} s`;
  const stalledPhase = `${plan.slowClientSeconds} s at ${SLOW_CLIENT_RATE} events/s`;
  const onPage = page
    ? `Chromium ${page.chromium} (${page.webgl}), ${page.viewport.width}×${page.viewport.height}, ${plan.wallRounds} × ${plan.wallPhaseSeconds} s per phase`
    : 'the wall in Chromium';
  const naiveShort = naiveFeed && !naiveFeed.complete ? ` (the naive relay's walls had ${percent(naiveFeed.delivered / Math.max(1, naiveFeed.sent))} when the wait ended)` : '';
  return {
    ingestEfficiency: ingest
      ? `${ingest.events} events read from the beginning: our relay into its state, ${WALLS} walls attached ÷ a kafkajs batch consumer that does nothing; rates between ${percent(ingest.relayWindow[0])} and ${percent(ingest.relayWindow[1])} of the events read`
      : 'our relay ingesting into its state ÷ a raw kafkajs consumer, same topics and data',
    fanoutCpuRatio: `${fanout}; relay process CPU (/proc) from the first event until every wall had them all, per event shown to a wall: naive ÷ ours${naiveShort}`,
    bytesRatio: `${fanout}; bytes each wall received (WebSocket frames) per event it was shown: ours ÷ naive`,
    p99MinusTickMs:
      latency && ceiling?.rate
        ? `probe walls' produce-to-wall p99 at ${latency.rate} events/s (${percent(CEILING_SHARE)} of the naive relay's ceiling of ${ceiling.rate} events/s with ${WALLS} walls), ${plan.latencySeconds} s, minus the ${TICK_MS} ms tick`
        : `produce-to-wall p99 at ${percent(CEILING_SHARE)} of the naive relay's ceiling, minus the ${TICK_MS} ms tick`,
    slowClientP99Ratio: `healthy probe walls' p99, ${stalledPhase}, with one wall that stopped reading (its socket buffers filled first, so the relay skips it) ÷ the mean p99 of the same phase before it stalled and after it was gone`,
    slowClientHeapGrowthMB: `our relay's heap floor (/metrics, 1 s samples, lowest of the second half − lowest of the first half) from the wall's stall to the end of its phase${slowClient ? ` (${Math.round(slowClient.stalledSeconds)} s)` : ''}${plan.mode === 'quick' ? '; quick run: a shorter phase than the full run\'s 60 s' : ''}`,
    wallUpdateCostRatio: `${onPage}; the wall store's main-thread ms per tick (apply the delta, update the screen, and the slow panels' once-a-second update charged to the tick before it) at ${HIGH_RATE} ÷ at ${LOW_RATE} events/s, the machine's load held equal`,
    wallFpsRatio: `${onPage}; requestAnimationFrame callbacks per second at ${HIGH_RATE} events/s ÷ with no events, the machine's load held equal`,
    wallLongTasksPerMin: `${onPage}; main-thread tasks over 50 ms (Long Tasks API) per minute at ${HIGH_RATE} events/s − with no events (none below 0: only those not there idle), the machine's load held equal`,
  };
}

interface Measured {
  value: number | null;
  from: Record<string, number | null>;
}

/** Each figure's value and the two numbers it came from; none where the scenario left no result. */
function measuredOf(results: BenchResults): Record<FigureName, Measured | null | undefined> {
  const { ingest, naiveFeed, oursFeed, latency, slowClient, page } = results;
  const feeds = naiveFeed && oursFeed ? { naive: naiveFeed, ours: oursFeed } : null;
  return {
    ingestEfficiency: ingest && { value: ratio(ingest.ingestRate, ingest.rawRate), from: { ingestRate: ingest.ingestRate, rawRate: ingest.rawRate } },
    fanoutCpuRatio: feeds && {
      value: ratio(feeds.naive.cpuUsPerEvent, feeds.ours.cpuUsPerEvent),
      from: { naiveCpuUsPerEvent: feeds.naive.cpuUsPerEvent, oursCpuUsPerEvent: feeds.ours.cpuUsPerEvent },
    },
    bytesRatio: feeds && {
      value: ratio(feeds.ours.bytesPerEvent, feeds.naive.bytesPerEvent),
      from: { oursBytesPerEvent: feeds.ours.bytesPerEvent, naiveBytesPerEvent: feeds.naive.bytesPerEvent },
    },
    p99MinusTickMs: latency && { value: difference(latency.p99Ms, TICK_MS), from: { p99Ms: latency.p99Ms, tickMs: TICK_MS } },
    slowClientP99Ratio: slowClient && {
      value: ratio(slowClient.withStalled.p99Ms, slowClient.p99WithoutMs),
      from: { p99WithStalledMs: slowClient.withStalled.p99Ms, p99WithoutMs: slowClient.p99WithoutMs },
    },
    slowClientHeapGrowthMB: slowClient && {
      value: difference(slowClient.heapFloorEndMB, slowClient.heapFloorStartMB),
      from: { heapFloorStartMB: slowClient.heapFloorStartMB, heapFloorEndMB: slowClient.heapFloorEndMB },
    },
    wallUpdateCostRatio: page && { value: ratio(page.high.msPerTick, page.low.msPerTick), from: { msPerTickHigh: page.high.msPerTick, msPerTickLow: page.low.msPerTick } },
    wallFpsRatio: page && { value: ratio(page.high.fps, page.idle.fps), from: { fpsLive: page.high.fps, fpsIdle: page.idle.fps } },
    wallLongTasksPerMin: page && {
      value: Math.max(0, page.high.longTasksPerMin - page.idle.longTasksPerMin),
      from: { longTasksPerMinLive: page.high.longTasksPerMin, longTasksPerMinIdle: page.idle.longTasksPerMin },
    },
  };
}

/** Why a figure has no result: its scenario's error, or a reason of its own. */
function missingReason(name: FigureName, results: BenchResults): string {
  if (name === 'p99MinusTickMs' && results.ceiling && results.ceiling.rate === null) {
    return 'the naive relay kept up with no rate tried, so there is no ceiling to take 80 % of';
  }
  return results.errors[FIGURE_GROUPS[name]] ?? 'not measured';
}

export function figuresOf(results: BenchResults, plan: BenchPlan): Record<FigureName, Figure> {
  const how = howOf(results, plan);
  const measured = measuredOf(results);
  return Object.fromEntries(
    FIGURE_NAMES.map((name) => {
      const found = measured[name];
      return [name, found ? figure(name, found.value, found.from, how[name]) : unmeasured(name, how[name], missingReason(name, results))];
    }),
  ) as Record<FigureName, Figure>;
}

export function formatNumber(value: number | null): string {
  if (value === null) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 0.1 ? 2 : 3;
  return value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The table on stdout: one line per figure, with the numbers it came from. */
export function tableLines(figures: Record<FigureName, Figure>): string[] {
  const rows = FIGURE_NAMES.map((name) => {
    const { value, target, result, from, error } = figures[name];
    const source = error ?? Object.entries(from).map(([key, number]) => `${key} ${formatNumber(number)}`).join(', ');
    return [name, formatNumber(value), target, result, source];
  });
  const header = ['figure', 'value', 'target', 'result', 'from'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : column === 1 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

export interface BenchDocumentInput {
  plan: BenchPlan;
  machine: unknown;
  revision: unknown;
  kafka: string;
  startedAt: number;
  finishedAt: number;
  figures: Record<FigureName, Figure>;
  results: BenchResults;
}

/** The JSON the bench writes: every figure at the top level, then the raw results behind them. */
export function benchDocument({ plan, machine, revision, kafka, startedAt, finishedAt, figures, results }: BenchDocumentInput) {
  const { errors, ...details } = results;
  return {
    mode: plan.mode,
    startedAt: new Date(startedAt).toISOString(),
    seconds: Math.round((finishedAt - startedAt) / 1000),
    machine,
    revision,
    kafka,
    ...figures,
    ingestRate: results.ingest?.ingestRate ?? null,
    rawRate: results.ingest?.rawRate ?? null,
    details,
    errors,
    plan,
  };
}
