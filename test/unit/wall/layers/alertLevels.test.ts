import { describe, expect, it } from 'vitest';
import { ALERT_COLORS, compoundLevels } from '../../../../wall/layers/alertLevels.ts';
import type { AlertLevel, RollupView } from '../../../../relay/protocol/snapshot.ts';

const rollup = (id: string, level: AlertLevel, today = 0): RollupView => ({
  id,
  today,
  alerts: 0,
  open: level > 0 ? 1 : 0,
  critical: level === 2 ? 1 : 0,
  level,
});

describe('compound alert levels for the buildings', () => {
  it('looks up each compound, 0 for one the view does not list', () => {
    const levels = compoundLevels([rollup('A', 0), rollup('B', 2), rollup('C', 1)]);
    expect(['A', 'B', 'C', 'Z'].map(levels.of)).toEqual([0, 2, 1, 0]);
  });

  it('keeps its key while only counts change, and changes it with any level', () => {
    const before = compoundLevels([rollup('A', 0, 5), rollup('B', 1, 9)]);
    expect(compoundLevels([rollup('A', 0, 6), rollup('B', 1, 12)]).key).toBe(before.key);
    expect(compoundLevels([rollup('A', 2, 6), rollup('B', 1, 12)]).key).not.toBe(before.key);
    expect(compoundLevels([rollup('A', 0, 6), rollup('B', 0, 12)]).key).not.toBe(before.key);
  });

  it('colours calm, attention and alarm apart (blue, amber, red)', () => {
    const [calm, attention, alarm] = [ALERT_COLORS[0], ALERT_COLORS[1], ALERT_COLORS[2]];
    expect(calm[2]).toBeGreaterThan(calm[0]);
    expect(attention[0]).toBeGreaterThan(attention[2]);
    expect(attention[1]).toBeGreaterThan(alarm[1]);
    expect(alarm[0]).toBeGreaterThan(alarm[1] * 2);
  });
});
