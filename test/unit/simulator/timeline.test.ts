import { describe, expect, it } from 'vitest';
import { createTimeline, parseSpeed } from '../../../simulator/timeline.ts';

const HISTORICAL = Date.UTC(2018, 0, 1, 0, 0);
const WALL = Date.UTC(2024, 4, 1, 4, 0);

describe('replay timeline', () => {
  it('starts the historical timeline now and compresses it by the speed', () => {
    const timeline = createTimeline({ historicalStart: HISTORICAL, wallStart: WALL, speed: 60 });
    expect(timeline.dueAt(HISTORICAL)).toBe(WALL);
    // An hour of history passes in a minute at 60×.
    expect(timeline.dueAt(HISTORICAL + 3_600_000)).toBe(WALL + 60_000);
    expect(timeline.liveTime(HISTORICAL + 3_600_000, WALL + 61_234)).toBe(WALL + 60_000);
  });

  it('sends everything at once at max speed, stamped when sent', () => {
    const timeline = createTimeline({ historicalStart: HISTORICAL, wallStart: WALL, speed: 'max' });
    expect(timeline.dueAt(HISTORICAL + 86_400_000)).toBe(-Infinity);
    expect(timeline.liveTime(HISTORICAL + 86_400_000, WALL + 5)).toBe(WALL + 5);
  });

  it('reads max or a positive number as a speed', () => {
    expect(parseSpeed('max')).toBe('max');
    expect(parseSpeed('3600')).toBe(3600);
    expect(parseSpeed('0.5')).toBe(0.5);
    for (const bad of ['0', '-2', 'fast', '1e3', '']) expect(parseSpeed(bad)).toBeNull();
  });
});
