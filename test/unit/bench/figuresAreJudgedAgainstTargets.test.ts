// Every figure is a ratio or difference of two numbers from the same run, judged against the
// issue's target; one that could not be measured says so instead of passing or failing.
import { describe, expect, it } from 'vitest';
import { difference, figure, meanOf, meets, ratio, unmeasured } from '../../bench/figures.ts';

describe('figures judged against their targets', () => {
  it('divides and subtracts, refusing missing numbers and division by zero', () => {
    expect(ratio(6, 3)).toBe(2);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(2, null)).toBeNull();
    expect(difference(280, 250)).toBe(30);
    expect(difference(280, null)).toBeNull();
  });

  it('averages repeated measurements only when all of them came back', () => {
    expect(meanOf([260, 270])).toBe(265);
    expect(meanOf([260, null])).toBeNull();
    expect(meanOf([])).toBeNull();
  });

  it('holds each comparison at its bound as the target reads', () => {
    expect(meets(0.85, { op: '>=', value: 0.85 })).toBe(true);
    expect(meets(0.84, { op: '>=', value: 0.85 })).toBe(false);
    expect(meets(30, { op: '<=', value: 30 })).toBe(true);
    expect(meets(50, { op: '<', value: 50 })).toBe(false);
    expect(meets(49.9, { op: '<', value: 50 })).toBe(true);
  });

  it('keeps the two numbers a figure came from and says pass or miss', () => {
    const passed = figure('bytesRatio', 0.15, { oursBytesPerEvent: 18, naiveBytesPerEvent: 120 }, 'how');
    expect(passed).toMatchObject({ value: 0.15, target: '≤ 0.3', pass: true, result: 'pass' });
    expect(passed.from).toEqual({ oursBytesPerEvent: 18, naiveBytesPerEvent: 120 });
    expect(figure('fanoutCpuRatio', 5.3, {}, 'how')).toMatchObject({ target: '≥ 20', pass: false, result: 'miss' });
  });

  it('reports a figure without a value as not measured, never as a pass', () => {
    expect(figure('wallFpsRatio', null, { fpsLive: 1, fpsIdle: null }, 'how')).toMatchObject({ value: null, pass: false, result: 'not measured' });
    expect(figure('p99MinusTickMs', Number.NaN, {}, 'how').result).toBe('not measured');
    expect(unmeasured('ingestEfficiency', 'how', 'the broker went away')).toMatchObject({ result: 'not measured', error: 'the broker went away' });
  });
});
