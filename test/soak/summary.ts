// What a soak's samples add up to: the page's JS heap at the end against the heap after the
// warm-up (both after a forced collection, so what is left is what the page keeps), the most
// it held, and the least-squares slope over the measured part, in MB an hour. The run fails when
// the heap grew by the limit or more; and when it did not measure a busy page over time: the
// page reloaded itself (a kiosk watchdog, say: a heap figure across a reload compares two
// pages), the relay exited, or the wall's counters stood still under load (a page that shows
// nothing new is an idle page). Pure.

export interface SoakSample {
  /** Seconds since the load started. */
  seconds: number;
  /** The page's JS heap in use after a forced collection, MB (10^6 bytes). */
  heapMB: number;
  domNodes: number;
  listeners: number;
  /** The relay's resident memory and heap in use, MB; null when its /metrics did not answer. */
  relayRssMB: number | null;
  relayHeapMB: number | null;
  /** Whether the relay's process was still running. */
  relayRunning: boolean;
  /** Today's events the wall's counters show, all kinds together; null while none are on screen. */
  eventsShown: number | null;
  openIncidents: number | null;
  /** Map frames drawn per second since the previous sample; null for the first. */
  mapFps: number | null;
  alarmCards: number;
  /** The tour's caption as the page shows it; null without a tour on screen. */
  tour: { step: string; state: string } | null;
  /** Alarm fly-tos begun and tour interruptions so far, counted by the page; null after a reload. */
  alarmFlights: number | null;
  tourInterruptions: number | null;
  /** performance.timeOrigin of the page's document: another one means the page reloaded. */
  documentStartedAt: number;
  /** How long taking the sample took (mostly the forced collection), ms. */
  tookMs: number;
}

export interface SoakSummary {
  limitMB: number;
  /** The baseline: the first sample at or after the warm-up. */
  warmAtSeconds: number;
  warmHeapMB: number;
  endAtSeconds: number;
  endHeapMB: number;
  /** End minus baseline. */
  growthMB: number;
  /** The most any sample from the baseline on held. */
  maxHeapMB: number;
  /** Least-squares slope of the heap over the samples from the baseline on. */
  slopeMBPerHour: number;
  domNodesGrowth: number;
  /** Null when the relay did not answer at the baseline or at the end. */
  relayRssGrowthMB: number | null;
  /** Times the page's document changed over the whole run (at least; two reloads between samples count once). */
  reloads: number;
  pass: boolean;
  /** Why it failed; empty when it passed. */
  failures: string[];
}

/** m:ss since the load started. */
export function clock(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** Seconds since the load started at which to sample: every `every` s, the end of the warm-up, and the end. */
export function sampleTimes(totalSeconds: number, warmupSeconds: number, every: number): number[] {
  const times = new Set<number>([warmupSeconds, totalSeconds]);
  for (let at = 0; at < totalSeconds; at += every) times.add(at);
  return [...times].filter((at) => at <= totalSeconds).sort((a, b) => a - b);
}

/** Least-squares slope of y over x; 0 when x does not vary. */
export function slope(points: readonly { x: number; y: number }[]): number {
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const { x, y } of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return variance > 0 ? covariance / variance : 0;
}

const SECONDS_PER_HOUR = 3600;

/** Null when fewer than two samples were taken from the warm-up's end on. */
export function summarize(samples: readonly SoakSample[], warmupSeconds: number, limitMB: number): SoakSummary | null {
  const measured = samples.filter((sample) => sample.seconds >= warmupSeconds);
  const warm = measured[0];
  const end = measured[measured.length - 1];
  if (!warm || !end || measured.length < 2) return null;
  const growthMB = end.heapMB - warm.heapMB;
  let reloads = 0;
  for (let i = 1; i < samples.length; i++) if (samples[i]!.documentStartedAt !== samples[i - 1]!.documentStartedAt) reloads++;
  const failures: string[] = [];
  if (!(growthMB < limitMB)) failures.push(`the heap grew ${growthMB.toFixed(1)} MB, not under ${limitMB} MB`);
  if (reloads > 0) failures.push(`the page reloaded ${reloads === 1 ? 'once' : `${reloads} times`}, so its heap figures span different pages`);
  const relayGone = samples.find((sample) => !sample.relayRunning);
  if (relayGone) failures.push(`the relay had exited by ${clock(relayGone.seconds)}`);
  const still = samples.findIndex((sample, i) => i > 0 && (sample.eventsShown === null || sample.eventsShown === samples[i - 1]!.eventsShown));
  if (still > 0) failures.push(`the wall's counters stood still from ${clock(samples[still - 1]!.seconds)} to ${clock(samples[still]!.seconds)}`);
  return {
    limitMB,
    warmAtSeconds: warm.seconds,
    warmHeapMB: warm.heapMB,
    endAtSeconds: end.seconds,
    endHeapMB: end.heapMB,
    growthMB,
    maxHeapMB: Math.max(...measured.map((sample) => sample.heapMB)),
    slopeMBPerHour: slope(measured.map((sample) => ({ x: (sample.seconds - warm.seconds) / SECONDS_PER_HOUR, y: sample.heapMB }))),
    domNodesGrowth: end.domNodes - warm.domNodes,
    relayRssGrowthMB: end.relayRssMB !== null && warm.relayRssMB !== null ? end.relayRssMB - warm.relayRssMB : null,
    reloads,
    pass: failures.length === 0,
    failures,
  };
}
