// Sorted event times within one local day, following an hour-of-day shape. Sorted uniforms come
// from normalised sums of exponential gaps (O(n), no sort), then pass through the inverse of the
// piecewise-uniform hour distribution, which keeps their order.
import type { Random } from '../../lib/random.ts';
import { DAY_MS, HOUR_MS } from './calendar.ts';

/** `n` ascending integer epoch-ms instants in [dayStart, dayStart + 24 h). */
export function dayTimes(n: number, hourCdf: Float64Array, dayStart: number, random: Random): Float64Array {
  const times = new Float64Array(n);
  if (n === 0) return times;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += -Math.log(1 - random.between(0, 1));
    times[i] = sum;
  }
  sum += -Math.log(1 - random.between(0, 1));
  let hour = 0;
  for (let i = 0; i < n; i++) {
    const u = (times[i] ?? 0) / sum;
    // Hours of weight zero have equal bounds and are stepped over.
    while (hour < 23 && (hourCdf[hour + 1] ?? 1) <= u) hour++;
    const low = hourCdf[hour] ?? 0;
    const width = (hourCdf[hour + 1] ?? 1) - low;
    const within = width > 0 ? (u - low) / width : 0;
    const offset = Math.floor((hour + within) * HOUR_MS);
    times[i] = dayStart + Math.min(offset, DAY_MS - 1);
  }
  return times;
}
