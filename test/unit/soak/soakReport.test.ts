// What the soak prints: a progress line per sample with the growth since the baseline, and a
// summary that states the run's conditions, the figures and the verdict.
import { describe, expect, it } from 'vitest';
import { readSoakFlags } from '../../soak/flags.ts';
import { sampleLine, summaryLines } from '../../soak/report.ts';
import { clock, summarize, type SoakSample } from '../../soak/summary.ts';

const base: SoakSample = {
  seconds: 90,
  heapMB: 20.31,
  domNodes: 6815,
  listeners: 96,
  relayRssMB: 208.9,
  relayHeapMB: 92.8,
  relayRunning: true,
  eventsShown: 116_882,
  openIncidents: 11_450,
  mapFps: 0.34,
  alarmCards: 3,
  tour: { step: '4', state: 'interrupted' },
  alarmFlights: 12,
  tourInterruptions: 9,
  documentStartedAt: 1,
  tookMs: 4032,
};

describe('the soak report', () => {
  it('writes times as m:ss since the load started', () => {
    expect([clock(0), clock(59.6), clock(90.065), clock(1920)]).toEqual(['0:00', '1:00', '1:30', '32:00']);
  });

  it('gives each sample on one line, with the growth since the baseline once there is one', () => {
    expect(sampleLine(base, 20.35)).toBe(
      '1:30 heap 20.3 MB (+0.0) · DOM 6,815 nodes, 96 listeners · relay RSS 208.9 MB · 116,882 events shown, 11,450 open · ' +
        'map 0.3 fps · 3 alarm cards, fly-tos 12 · tour 4 interrupted, interruptions 9 · took 4.0 s',
    );
    expect(sampleLine({ ...base, tour: null, eventsShown: null, relayRssMB: null, mapFps: null, alarmFlights: null, tourInterruptions: null }, null)).toBe(
      '1:30 heap 20.3 MB (warm-up) · DOM 6,815 nodes, 96 listeners · relay RSS ? MB · no events shown, 11,450 open · ' +
        'map ? fps · 3 alarm cards, fly-tos ? · no tour, interruptions ? · took 4.0 s',
    );
  });

  it('ends with the figures and the verdict', () => {
    const samples = [
      { ...base, seconds: 60, heapMB: 20, eventsShown: 100_000 },
      { ...base, seconds: 300, heapMB: 44.5, domNodes: 4451, tour: null, alarmFlights: 1234 },
    ];
    const lines = summaryLines(summarize(samples, 60, 20)!, {
      flags: readSoakFlags(['--minutes', '4', '--warmup-minutes', '1']),
      samples,
      sent: 600_000,
      sendSeconds: 300,
      counted: 524_187,
      pageErrors: 0,
    });
    expect(lines).toEqual([
      'soak: 4 min measured after a 1 min warm-up, at 2,000 events/s; the wall at 1920×1080 with ?tour=shiquan',
      'JS heap after forced GC: 20.0 MB at 1:00, 44.5 MB at 5:00: growth +24.5 MB (limit: under 20 MB)',
      'max 44.5 MB; slope +367.5 MB/hour',
      'DOM nodes −2,364; relay RSS +0.0 MB',
      "events: 600,000 sent (2,000/s), 524,187 of them counted (closing follow-ups aside); 116,882 on the wall's counters at the end",
      'tour on screen in 1 of 2 samples, interruptions 9; alarm cards in 2 of 2, fly-tos 1,234; 0 page errors; 0 reloads',
      'FAIL: the heap grew 24.5 MB, not under 20 MB',
    ]);
  });
});
