// Pass/fail conditions a tester puts on a run, as in k6: `--threshold 'p99<500'`. Each names a
// measured figure, a comparison and a number; a run that misses one exits with status 1. Pure.

/** What each metric measures; `needs` says what a run must measure for it to have a value. */
export const THRESHOLD_METRICS = {
  p50: { unit: 'ms', needs: 'probes', meaning: 'median end-to-end latency' },
  p95: { unit: 'ms', needs: 'probes', meaning: '95th percentile of end-to-end latency' },
  p99: { unit: 'ms', needs: 'probes', meaning: '99th percentile of end-to-end latency' },
  max: { unit: 'ms', needs: 'probes', meaning: 'highest end-to-end latency' },
  loss: { unit: 'events', needs: 'relay', meaning: 'events sent but not counted by the relay' },
  dup: { unit: 'events', needs: 'relay', meaning: 'events counted more often than sent' },
  gaps: { unit: 'gaps', needs: 'probes', meaning: 'missed deltas (seq gaps) over all probe walls' },
  rate: { unit: 'events/s', needs: null, meaning: 'average rate the run achieved' },
} as const;

export type ThresholdMetric = keyof typeof THRESHOLD_METRICS;

export const THRESHOLD_OPERATORS = ['<', '<=', '>', '>=', '=='] as const;
export type ThresholdOperator = (typeof THRESHOLD_OPERATORS)[number];

export interface Threshold {
  /** As the tester wrote it, for the summary and the report. */
  expression: string;
  metric: ThresholdMetric;
  op: ThresholdOperator;
  limit: number;
}

export interface ThresholdResult extends Threshold {
  /** The measured figure; null when the run did not measure it (which fails the threshold). */
  value: number | null;
  ok: boolean;
}

export type ThresholdFigures = Record<ThresholdMetric, number | null>;

const METRIC_NAMES = Object.keys(THRESHOLD_METRICS) as ThresholdMetric[];
const FORM = /^\s*([A-Za-z0-9]+)\s*(<=|>=|==|<|>)\s*(\d+(?:\.\d+)?)\s*$/;

const isMetric = (name: string): name is ThresholdMetric => (METRIC_NAMES as string[]).includes(name);

/** Parses `METRIC OP NUMBER`; throws an Error with a one-line reason. */
export function parseThreshold(text: string): Threshold {
  const match = FORM.exec(text);
  if (!match) {
    throw new Error(`expected METRIC OP NUMBER such as p99<500, loss==0 or rate>=1900 (OP: ${THRESHOLD_OPERATORS.join(' ')})`);
  }
  const [, name = '', op = '', number = ''] = match;
  if (!isMetric(name)) throw new Error(`unknown metric ${JSON.stringify(name)} (use ${METRIC_NAMES.join(', ')})`);
  return { expression: text.trim(), metric: name, op: op as ThresholdOperator, limit: Number(number) };
}

function holds(value: number, op: ThresholdOperator, limit: number): boolean {
  switch (op) {
    case '<':
      return value < limit;
    case '<=':
      return value <= limit;
    case '>':
      return value > limit;
    case '>=':
      return value >= limit;
    case '==':
      return value === limit;
  }
}

export function evaluateThresholds(thresholds: readonly Threshold[], figures: ThresholdFigures): ThresholdResult[] {
  return thresholds.map((threshold) => {
    const value = figures[threshold.metric];
    return { ...threshold, value, ok: value !== null && holds(value, threshold.op, threshold.limit) };
  });
}
