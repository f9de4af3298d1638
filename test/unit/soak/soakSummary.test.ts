// The soak's verdict: heap growth from the first sample after the warm-up to the last, the most
// held, the least-squares slope, and a failure for growth at the limit or a page that reloaded.
import { describe, expect, it } from 'vitest';
import { sampleTimes, slope, summarize, type SoakSample } from '../../soak/summary.ts';

/** A sample at `seconds` holding `heapMB`; the rest steady. */
function sample(seconds: number, heapMB: number, more: Partial<SoakSample> = {}): SoakSample {
  return {
    seconds,
    heapMB,
    domNodes: 5000,
    listeners: 800,
    relayRssMB: 200,
    relayHeapMB: 60,
    relayRunning: true,
    eventsShown: seconds * 2000,
    openIncidents: 300,
    mapFps: 1.5,
    alarmCards: 2,
    tour: { step: '1', state: 'playing' },
    alarmFlights: 0,
    tourInterruptions: 0,
    documentStartedAt: 1_700_000_000_000,
    tookMs: 900,
    ...more,
  };
}

describe('when the soak samples', () => {
  it('samples every 30 s from the start, at the end of the warm-up and at the end', () => {
    expect(sampleTimes(300, 60, 30)).toEqual([0, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300]);
    expect(sampleTimes(100, 45, 30)).toEqual([0, 30, 45, 60, 90, 100]);
    expect(sampleTimes(60, 0, 30)).toEqual([0, 30, 60]);
  });
});

describe('the soak summary', () => {
  it('takes the growth from the first sample after the warm-up, not from the first sample', () => {
    // The page fills up during the warm-up (30 → 48 MB), then holds.
    const samples = [sample(0, 30), sample(30, 42), sample(60, 48), sample(90, 50), sample(120, 47), sample(150, 49.5)];
    const summary = summarize(samples, 60, 20)!;
    expect(summary).toMatchObject({ warmAtSeconds: 60, warmHeapMB: 48, endAtSeconds: 150, endHeapMB: 49.5, maxHeapMB: 50, pass: true, failures: [] });
    expect(summary.growthMB).toBeCloseTo(1.5, 9);
  });

  it('fails at the limit and over it, and passes just under it', () => {
    expect(summarize([sample(0, 40), sample(60, 59.9)], 0, 20)!.pass).toBe(true);
    expect(summarize([sample(0, 40), sample(60, 60)], 0, 20)).toMatchObject({ pass: false, failures: ['the heap grew 20.0 MB, not under 20 MB'] });
    expect(summarize([sample(0, 40), sample(60, 75)], 0, 20)!.pass).toBe(false);
  });

  it('gives the slope in MB an hour by least squares over the measured samples', () => {
    // 1 MB every 30 s after the warm-up is 120 MB an hour; the warm-up's jump is left out.
    const samples = [sample(0, 10), sample(30, 40), sample(60, 41), sample(90, 42), sample(120, 43)];
    expect(summarize(samples, 30, 20)!.slopeMBPerHour).toBeCloseTo(120, 9);
    expect(slope([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 2 }])).toBeCloseTo(0.5, 9);
    expect(slope([{ x: 1, y: 1 }, { x: 1, y: 5 }])).toBe(0);
  });

  it('fails a run whose page reloaded, even with a small growth', () => {
    const samples = [sample(0, 40), sample(30, 41), sample(60, 30, { documentStartedAt: 1_700_000_100_000 }), sample(90, 31, { documentStartedAt: 1_700_000_100_000 })];
    expect(summarize(samples, 30, 20)).toMatchObject({ reloads: 1, pass: false, failures: ['the page reloaded once, so its heap figures span different pages'] });
  });

  it('reports the DOM and the relay alongside, and the relay as not measured when it did not answer', () => {
    const samples = [sample(0, 40, { domNodes: 5000, relayRssMB: 200 }), sample(60, 41, { domNodes: 5120, relayRssMB: 215.5 })];
    expect(summarize(samples, 0, 20)).toMatchObject({ domNodesGrowth: 120, relayRssGrowthMB: 15.5 });
    expect(summarize([sample(0, 40), sample(60, 41, { relayRssMB: null })], 0, 20)!.relayRssGrowthMB).toBeNull();
  });

  it('fails a run whose relay exited, or whose wall stopped showing new events', () => {
    const samples = [sample(0, 40), sample(30, 41), sample(60, 41, { relayRssMB: null, relayRunning: false }), sample(90, 41, { relayRunning: false, eventsShown: 120_000 })];
    expect(summarize(samples, 0, 20)!.failures).toEqual(['the relay had exited by 1:00', "the wall's counters stood still from 1:00 to 1:30"]);
    expect(summarize([sample(0, 40), sample(30, 41, { eventsShown: null })], 0, 20)!.failures).toEqual(["the wall's counters stood still from 0:00 to 0:30"]);
  });

  it('has nothing to say with fewer than two samples after the warm-up', () => {
    expect(summarize([sample(0, 40), sample(30, 41)], 30, 20)).toBeNull();
    expect(summarize([], 0, 20)).toBeNull();
  });
});
