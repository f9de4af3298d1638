import { describe, expect, it } from 'vitest';
import { formatMs, readoutRows, type PerfFigures } from '../../../../wall/perf/perfFigures.ts';

const FIGURES: PerfFigures = {
  fps: 58.94,
  lag: { count: 1234, p50Ms: 180.4, p95Ms: 1_520 },
  delta: { count: 900, meanMs: 1.1, maxMs: 12.34, windowMeanMs: 0.84, windowP95Ms: 2.1 },
  sync: { gaps: 2, dropped: 7, resyncs: 2 },
  heapBytes: 42.5 * 2 ** 20,
};

describe('the performance readout', () => {
  it('writesOneRowPerFigure', () => {
    expect(readoutRows(FIGURES, 'en')).toEqual([
      { key: 'fps', label: 'fps', value: '58.9' },
      { key: 'lag', label: 'event→screen', value: 'p50 180 ms · p95 1.5 s · n 1,234' },
      { key: 'delta', label: 'ms per delta', value: '0.8 · p95 2.1 · max 12.3' },
      { key: 'dropped', label: 'deltas dropped', value: '7 · gaps 2 · resyncs 2' },
      { key: 'heap', label: 'JS heap', value: '42.5 MB' },
    ]);
  });

  it('labelsInChineseAndSaysWhatItCannotMeasure', () => {
    const rows = readoutRows({ ...FIGURES, lag: { count: 0, p50Ms: null, p95Ms: null }, heapBytes: null }, 'zh');
    expect(rows.map((row) => row.label)).toEqual(['帧率', '上屏延迟', '每增量耗时', '丢失增量', 'JS 堆']);
    expect(rows.find((row) => row.key === 'lag')?.value).toBe('p50 — · p95 — · n 0');
    expect(rows.find((row) => row.key === 'heap')?.value).toBe('—');
  });

  it.each([
    [null, '—'],
    [0, '0 ms'],
    [-250.4, '-250 ms'],
    [999.4, '999 ms'],
    [1_049, '1.0 s'],
    [9_949, '9.9 s'],
    [75_400, '75 s'],
  ])('writes %s ms as %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });
});
