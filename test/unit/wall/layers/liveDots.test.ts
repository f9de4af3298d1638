import { describe, expect, it } from 'vitest';
import { FADE_MS, NO_DOTS, liveDots } from '../../../../wall/layers/liveDots.ts';
import type { FeedItem } from '../../../../relay/protocol/snapshot.ts';
import type { Severity } from '../../../../relay/contract/kinds.ts';

const AT = 1_700_000_000_000;
const POINTS = new Map<string, [number, number]>([
  ['A', [121.41, 31.25]],
  ['B', [121.42, 31.26]],
]);

const item = (no: number, ageMs: number, compoundId = 'A', severity: Severity = 'warning'): FeedItem => ({
  no,
  id: `e${no}`,
  ts: AT - ageMs,
  source: 'sensor',
  kind: 'door_open',
  severity,
  compoundId,
  compoundName: compoundId,
  note: null,
  step: null,
});

describe('live event dots', () => {
  it('sits at the compound label point, opaque when new and fading with age', () => {
    const [older, newer] = liveDots([item(2, 0, 'B'), item(1, FADE_MS / 2)], AT, POINTS);
    expect(newer).toMatchObject({ no: 2, position: [121.42, 31.26] });
    expect(newer?.color[3]).toBe(255);
    expect(older?.color[3]).toBe(128);
  });

  it('drops events older than the fade and compounds it cannot place', () => {
    const dots = liveDots([item(3, 1_000, 'nowhere'), item(2, 1_000), item(1, FADE_MS)], AT, POINTS);
    expect(dots.map((d) => d.no)).toEqual([2]);
  });

  it('treats an event stamped after the view time as brand new', () => {
    expect(liveDots([item(1, -5_000)], AT, POINTS)[0]?.color[3]).toBe(255);
  });

  it('makes critical events larger and red', () => {
    const [warning, critical] = liveDots([item(2, 0, 'A', 'critical'), item(1, 0)], AT, POINTS);
    expect(critical!.radius).toBeGreaterThan(warning!.radius);
    expect(critical!.color[0]).toBeGreaterThan(critical!.color[1] * 2);
  });

  it('returns the one empty list when nothing is live, so the layer is kept', () => {
    expect(liveDots([], AT, POINTS)).toBe(NO_DOTS);
    expect(liveDots([item(1, FADE_MS * 2)], AT, POINTS)).toBe(NO_DOTS);
  });
});
