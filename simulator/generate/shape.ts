// A kind's shape in time: the source's hour-of-day, weekday and month weights with the kind's
// own overrides, and special days (holidays) that scale a day's weight.
import type { Shape, ShapeOverride } from '../profile/schema.ts';
import { dayOf, monthOf, weekdayOf } from './calendar.ts';

export interface ResolvedShape {
  hourOfDay: readonly number[];
  dayOfWeek: readonly number[];
  monthOfYear: readonly number[];
  specialDays: readonly { fromDay: number; toDay: number; factor: number }[];
}

export function resolveShape(source: Shape, override: ShapeOverride | undefined): ResolvedShape {
  return {
    hourOfDay: override?.hourOfDay ?? source.hourOfDay,
    dayOfWeek: override?.dayOfWeek ?? source.dayOfWeek,
    monthOfYear: override?.monthOfYear ?? source.monthOfYear,
    specialDays: (override?.specialDays ?? source.specialDays).map((s) => ({
      fromDay: dayOf(s.from),
      toDay: dayOf(s.to),
      factor: s.factor,
    })),
  };
}

/** Relative weight of one local day: weekday × month × any special-day factors. */
function dayWeight(shape: ResolvedShape, day: number): number {
  let weight = (shape.dayOfWeek[weekdayOf(day)] ?? 0) * (shape.monthOfYear[monthOf(day)] ?? 0);
  for (const special of shape.specialDays) {
    if (day >= special.fromDay && day <= special.toDay) weight *= special.factor;
  }
  return weight;
}

/** Weights of the days fromDay … toDay (inclusive). */
export function dayWeights(shape: ResolvedShape, fromDay: number, toDay: number): Float64Array {
  const weights = new Float64Array(toDay - fromDay + 1);
  for (let i = 0; i < weights.length; i++) weights[i] = dayWeight(shape, fromDay + i);
  return weights;
}

/** Cumulative share of the day reached at the start of each hour: 25 values from 0 to 1. */
export function hourCdf(hourOfDay: readonly number[]): Float64Array {
  const cdf = new Float64Array(25);
  let total = 0;
  for (let h = 0; h < 24; h++) total += hourOfDay[h] ?? 0;
  let running = 0;
  for (let h = 0; h < 24; h++) {
    running += hourOfDay[h] ?? 0;
    cdf[h + 1] = running / total;
  }
  cdf[24] = 1;
  return cdf;
}
