import { describe, expect, it } from 'vitest';
import { KINDS, perSource, REJECT_REASONS } from '../../../relay/contract/index.ts';
import type { DayView } from '../../../relay/protocol/snapshot.ts';
import { relativeChange, yesterdaySoFar } from '../../../wall/store/vsYesterday.ts';

function day(source: 'sensor' | 'camera', hourly: number[], alerts: number): DayView {
  const total = hourly.reduce((a, b) => a + b, 0);
  const zeros = new Array<number>(24).fill(0);
  return {
    day: '2024-04-30',
    totals: { ...perSource(() => 0), [source]: total },
    byKind: Object.fromEntries(KINDS.map((k) => [k, 0])) as DayView['byKind'],
    alerts: { ...perSource(() => 0), [source]: alerts },
    hourly: { ...perSource(() => zeros), [source]: hourly },
    closure: { opened: 0, closed: 0, closedOfOpened: 0, rate: null, medianMs: null, p90Ms: null },
    rejected: Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as DayView['rejected'],
    skipped: perSource(() => 0),
  };
}

const hours = (...values: number[]) => [...values, ...new Array<number>(24 - values.length).fill(0)];

describe('yesterday at the same time of day', () => {
  it('sumsYesterdaysWholeHoursBeforeNowAndTheGoneShareOfTheCurrentOne', () => {
    const yesterday = day('sensor', hours(10, 20, 40, 80), 150);
    // 02:30 → hours 0 and 1 whole, half of hour 2.
    expect(yesterdaySoFar(yesterday, 'sensor', 2.5 / 24)).toBe(10 + 20 + 20);
    expect(yesterdaySoFar(yesterday, 'sensor', 0)).toBe(0);
    expect(yesterdaySoFar(yesterday, 'sensor', 1)).toBe(150);
  });

  it('scalesCameraEventsByYesterdaysShareOfAlertsAmongThem', () => {
    // 1,000 camera events yesterday of which 10 alerts; half the events came before noon.
    const yesterday = day('camera', hours(...new Array<number>(12).fill(500 / 12), ...new Array<number>(12).fill(500 / 12)), 10);
    expect(yesterdaySoFar(yesterday, 'camera', 0.5)).toBeCloseTo(5, 9);
  });

  it('isZeroForASourceYesterdayNeverHeardFrom', () => {
    expect(yesterdaySoFar(day('sensor', hours(), 0), 'alarm110', 0.7)).toBe(0);
  });
});

describe('the change against yesterday', () => {
  it('isRelativeToTheBaseline', () => {
    expect(relativeChange(125, 100)).toBe(0.25);
    expect(relativeChange(50, 100)).toBe(-0.5);
    expect(relativeChange(0, 4)).toBe(-1);
  });

  it('doesNotExistWithoutABaseline', () => {
    expect(relativeChange(7, 0)).toBeNull();
  });
});
