// The figures the bench reports. Each is a ratio (or a difference) of two numbers measured in
// the same run, so the noise of a shared machine falls on both; each keeps those two numbers
// and is judged against the target. Pure.

export type Comparison = '>=' | '<=' | '<';

export interface Target {
  op: Comparison;
  value: number;
}

export const TARGETS = {
  ingestEfficiency: { op: '>=', value: 0.85 },
  fanoutCpuRatio: { op: '>=', value: 20 },
  bytesRatio: { op: '<=', value: 0.3 },
  p99MinusTickMs: { op: '<=', value: 30 },
  slowClientP99Ratio: { op: '<=', value: 1.2 },
  slowClientHeapGrowthMB: { op: '<', value: 50 },
  wallUpdateCostRatio: { op: '<=', value: 1.5 },
  wallFpsRatio: { op: '>=', value: 0.9 },
  wallLongTasksPerMin: { op: '<=', value: 0 },
} as const satisfies Record<string, Target>;

export type FigureName = keyof typeof TARGETS;

export const FIGURE_NAMES = Object.keys(TARGETS) as FigureName[];

export type Outcome = 'pass' | 'miss' | 'not measured';

export interface Figure {
  /** Null when it could not be measured. */
  value: number | null;
  /** The two raw numbers it came from, by name (null where not measured). */
  from: Record<string, number | null>;
  target: string;
  pass: boolean;
  result: Outcome;
  /** What was measured, under which conditions. */
  how: string;
  /** Why it could not be measured. */
  error?: string;
}

const SYMBOLS: Record<Comparison, string> = { '>=': '≥', '<=': '≤', '<': '<' };

export function describeTarget({ op, value }: Target): string {
  return `${SYMBOLS[op]} ${value}`;
}

export function meets(value: number, { op, value: bound }: Target): boolean {
  if (op === '>=') return value >= bound;
  if (op === '<=') return value <= bound;
  return value < bound;
}

/** a ÷ b; null when either is missing or the quotient is not a finite number. */
export function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b === 0) return null;
  const quotient = a / b;
  return Number.isFinite(quotient) ? quotient : null;
}

/** a − b; null when either is missing. */
export function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

/** The mean of the numbers; null when any is missing (a mean of what is left would hide it). */
export function meanOf(values: readonly (number | null)[]): number | null {
  if (values.length === 0 || values.some((value) => value === null)) return null;
  return (values as number[]).reduce((sum, value) => sum + value, 0) / values.length;
}

/** A figure from its value and the numbers it came from; judged against its target. */
export function figure(name: FigureName, value: number | null, from: Record<string, number | null>, how: string): Figure {
  const target = TARGETS[name];
  const measured = value !== null && Number.isFinite(value);
  const pass = measured && meets(value, target);
  return {
    value: measured ? value : null,
    from,
    target: describeTarget(target),
    pass,
    result: measured ? (pass ? 'pass' : 'miss') : 'not measured',
    how,
  };
}

/** A figure whose measurement failed or did not run. */
export function unmeasured(name: FigureName, how: string, error: string): Figure {
  return { ...figure(name, null, {}, how), error };
}
