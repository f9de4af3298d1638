// The soak's words: one progress line per sample (stderr) and the closing summary (stdout). Pure.
import type { SoakFlags } from './flags.ts';
import { clock, type SoakSample, type SoakSummary } from './summary.ts';

const count = (value: number) => Math.round(value).toLocaleString('en-US');
const mb = (value: number) => value.toFixed(1);
/** With its sign, as rounded: −0.04 is "+0.0", not "−0.0". */
function signed(value: number, digits = 1): string {
  const rounded = Number(value.toFixed(digits));
  const magnitude = Math.abs(rounded).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${rounded < 0 ? '−' : '+'}${magnitude}`;
}

/** A running count, or '?' where the page lost it (it reloaded). */
const so = (value: number | null) => (value === null ? '?' : count(value));

/** One sample; `warmHeapMB` once the baseline is taken, for the growth so far. */
export function sampleLine(sample: SoakSample, warmHeapMB: number | null): string {
  const parts = [
    `${clock(sample.seconds)} heap ${mb(sample.heapMB)} MB${warmHeapMB === null ? ' (warm-up)' : ` (${signed(sample.heapMB - warmHeapMB)})`}`,
    `DOM ${count(sample.domNodes)} nodes, ${count(sample.listeners)} listeners`,
    sample.relayRunning ? `relay RSS ${sample.relayRssMB === null ? '?' : mb(sample.relayRssMB)} MB` : 'relay exited',
    `${sample.eventsShown === null ? 'no' : count(sample.eventsShown)} events shown, ${sample.openIncidents === null ? '?' : count(sample.openIncidents)} open`,
    `map ${sample.mapFps === null ? '?' : sample.mapFps.toFixed(1)} fps`,
    `${sample.alarmCards} alarm cards, fly-tos ${so(sample.alarmFlights)}`,
    `${sample.tour ? `tour ${sample.tour.step} ${sample.tour.state}` : 'no tour'}, interruptions ${so(sample.tourInterruptions)}`,
    `took ${(sample.tookMs / 1000).toFixed(1)} s`,
  ];
  return parts.join(' · ');
}

export interface RunFacts {
  flags: SoakFlags;
  samples: readonly SoakSample[];
  /** Events the producer sent, over how many seconds, and how many of them the relay counts (all but closing follow-ups). */
  sent: number;
  sendSeconds: number;
  counted: number;
  pageErrors: number;
}

/** Samples in which `shows` holds, as "k of n". */
function share(samples: readonly SoakSample[], shows: (sample: SoakSample) => boolean): string {
  return `${samples.filter(shows).length} of ${samples.length}`;
}

export function summaryLines(summary: SoakSummary, facts: RunFacts): string[] {
  const { flags, samples } = facts;
  const last = samples[samples.length - 1];
  return [
    `soak: ${flags.minutes} min measured after a ${flags.warmupMinutes} min warm-up, at ${count(flags.rate)} events/s; ` +
      `the wall at ${flags.viewport.width}×${flags.viewport.height}${flags.urlParams ? ` with ?${flags.urlParams}` : ''}`,
    `JS heap after forced GC: ${mb(summary.warmHeapMB)} MB at ${clock(summary.warmAtSeconds)}, ${mb(summary.endHeapMB)} MB at ${clock(summary.endAtSeconds)}: ` +
      `growth ${signed(summary.growthMB)} MB (limit: under ${summary.limitMB} MB)`,
    `max ${mb(summary.maxHeapMB)} MB; slope ${signed(summary.slopeMBPerHour)} MB/hour`,
    `DOM nodes ${signed(summary.domNodesGrowth, 0)}; relay RSS ${summary.relayRssGrowthMB === null ? 'not measured' : `${signed(summary.relayRssGrowthMB)} MB`}`,
    `events: ${count(facts.sent)} sent (${count(facts.sent / Math.max(facts.sendSeconds, 1e-9))}/s), ${count(facts.counted)} of them counted ` +
      `(closing follow-ups aside); ${last?.eventsShown == null ? 'none' : count(last.eventsShown)} on the wall's counters at the end`,
    `tour on screen in ${share(samples, (s) => s.tour !== null)} samples, interruptions ${so(last?.tourInterruptions ?? null)}; ` +
      `alarm cards in ${share(samples, (s) => s.alarmCards > 0)}, fly-tos ${so(last?.alarmFlights ?? null)}; ` +
      `${facts.pageErrors} page errors; ${summary.reloads} reloads`,
    summary.pass ? 'PASS' : `FAIL: ${summary.failures.join('; ')}`,
  ];
}
