import { describe, expect, it } from 'vitest';
import { beaconChanges, beaconSites } from '../../../../wall/effects/beaconSites.ts';
import type { RollupView } from '../../../../relay/protocol/snapshot.ts';

const POINTS = new Map<string, [number, number]>([
  ['A', [121.41, 31.25]],
  ['B', [121.42, 31.26]],
  ['C', [121.43, 31.27]],
]);

const rollup = (id: string, critical: number, warning = 0): RollupView => ({
  id,
  today: 1,
  alerts: 1,
  open: critical + warning,
  critical,
  level: critical > 0 ? 2 : warning > 0 ? 1 : 0,
});

describe('alarm beacon sites', () => {
  it('stands over every compound with an open critical incident, at its label point', () => {
    const sites = beaconSites([rollup('A', 0, 3), rollup('B', 2), rollup('C', 0)], POINTS);
    expect(sites).toEqual([{ compoundId: 'B', position: [121.42, 31.26] }]);
  });

  it('stands nowhere once the incidents are closed', () => {
    expect(beaconSites([rollup('A', 0), rollup('B', 0)], POINTS)).toEqual([]);
  });

  it('says which beacons to put up and which to take down', () => {
    const next = beaconSites([rollup('B', 1), rollup('C', 1)], POINTS);
    const { added, removed } = beaconChanges(['A', 'B'], next);
    expect(added.map((site) => site.compoundId)).toEqual(['C']);
    expect(removed).toEqual(['A']);
    expect(beaconChanges(['B', 'C'], next)).toEqual({ added: [], removed: [] });
  });
});
