// When an incident's `closed` follow-up comes, if it comes at all.
import type { Random } from '../../lib/random.ts';

/** Milliseconds from opening to closing, or null for an incident that stays open. */
export type CloseDelay = (random: Random) => number | null;

/** The standard normal's 90th percentile. */
const Z90 = 1.2815515655446004;
/** A follow-up never lands on its opener's millisecond, nor before it. */
const MIN_DELAY_MS = 60_000;

function standardNormal(random: Random): number {
  const radius = Math.sqrt(-2 * Math.log(1 - random.between(0, 1)));
  return radius * Math.cos(2 * Math.PI * random.between(0, 1));
}

/**
 * Log-normal delays: long-tailed like real case handling, and set by two numbers a profile
 * author can reason about, the median and the 90th percentile.
 */
export function logNormalDelay(spec: { medianMinutes: number; p90Minutes: number }): (random: Random) => number {
  const mu = Math.log(spec.medianMinutes * 60_000);
  const sigma = Math.log(spec.p90Minutes / spec.medianMinutes) / Z90;
  return (random) => Math.max(MIN_DELAY_MS, Math.round(Math.exp(mu + sigma * standardNormal(random))));
}

/** A log-normal delay for `closeRate` of incidents; the others stay open. */
export function logNormalCloseDelay(spec: { closeRate: number; medianMinutes: number; p90Minutes: number }): CloseDelay {
  const delay = logNormalDelay(spec);
  return (random) => (random.between(0, 1) >= spec.closeRate ? null : delay(random));
}

/** Uniform delays in seconds, for load tests where only the mix of opens and closes matters. */
export function uniformCloseDelay(spec: { closeRate: number; minSeconds: number; maxSeconds: number }): CloseDelay {
  return (random) => {
    if (random.between(0, 1) >= spec.closeRate) return null;
    return Math.round(random.between(spec.minSeconds, spec.maxSeconds) * 1000);
  };
}
