// Thresholds: `METRIC OP NUMBER` parsed strictly with a one-line reason, and judged on the
// run's figures; a figure the run did not measure fails its threshold.
import { describe, expect, it } from 'vitest';
import { evaluateThresholds, parseThreshold, type ThresholdFigures } from '../../../simulator/thresholds.ts';

const figures: ThresholdFigures = { p50: 120, p95: 300, p99: 480, max: 900, loss: 0, dup: 2, gaps: 0, rate: 1963 };

describe('thresholds', () => {
  it('parses a metric, an operator and a number, with or without spaces', () => {
    expect(parseThreshold('p99<500')).toEqual({ expression: 'p99<500', metric: 'p99', op: '<', limit: 500 });
    expect(parseThreshold(' rate >= 1900.5 ')).toEqual({ expression: 'rate >= 1900.5', metric: 'rate', op: '>=', limit: 1900.5 });
    expect(parseThreshold('loss==0')).toMatchObject({ metric: 'loss', op: '==', limit: 0 });
    expect(parseThreshold('max<=2000')).toMatchObject({ op: '<=' });
  });

  it.each([
    ['p99<<500', /^expected METRIC OP NUMBER such as p99<500/],
    ['p99 500', /^expected METRIC OP NUMBER/],
    ['p99<-1', /^expected METRIC OP NUMBER/],
    ['p99<500ms', /^expected METRIC OP NUMBER/],
    ['', /^expected METRIC OP NUMBER/],
    ['p90<500', /^unknown metric "p90" \(use p50, p95, p99, max, loss, dup, gaps, rate\)$/],
  ])('refuses %j with a one-line reason', (text, reason) => {
    expect(() => parseThreshold(text)).toThrow(reason);
  });

  it('judges each operator on the figures', () => {
    const results = evaluateThresholds(
      ['p99<500', 'p99<480', 'p99<=480', 'max>900', 'max>=900', 'loss==0', 'dup==0', 'rate>=1900'].map(parseThreshold),
      figures,
    );
    expect(results.map((r) => [r.expression, r.value, r.ok])).toEqual([
      ['p99<500', 480, true],
      ['p99<480', 480, false],
      ['p99<=480', 480, true],
      ['max>900', 900, false],
      ['max>=900', 900, true],
      ['loss==0', 0, true],
      ['dup==0', 2, false],
      ['rate>=1900', 1963, true],
    ]);
  });

  it('fails a threshold whose figure was not measured', () => {
    const [result] = evaluateThresholds([parseThreshold('p99<500')], { ...figures, p99: null });
    expect(result).toMatchObject({ value: null, ok: false });
  });
});
