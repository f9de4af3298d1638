import { describe, expect, it } from 'vitest';
import type { RollupView } from '../../../relay/protocol/snapshot.ts';
import { topByOpen } from '../../../wall/store/ranking.ts';
import { placeNames } from '../../../wall/store/placeNames.ts';
import { loadPack } from '../../../geo/loadPack.ts';

const place = (id: string, open: number, critical = 0, alerts = open): RollupView => ({
  id,
  today: alerts,
  alerts,
  open,
  critical,
  level: critical > 0 ? 2 : open > 0 ? 1 : 0,
});
const NAMES = new Map([
  ['A', '甲小区'],
  ['B', '乙小区'],
  ['C', '丙小区'],
  ['D', '丁小区'],
]);

describe('places ranked by open incidents', () => {
  it('putsTheMostOpenFirstThenCriticalThenTodaysAlerts', () => {
    const ranked = topByOpen([place('A', 2), place('B', 5), place('C', 2, 1), place('D', 2, 0, 9)], NAMES, 4);
    expect(ranked.map((p) => p.id)).toEqual(['B', 'C', 'D', 'A']);
    expect(ranked[0]).toEqual({ id: 'B', name: '乙小区', open: 5, critical: 0, level: 1 });
  });

  it('leavesOutPlacesWithNothingOpenAndStopsAtN', () => {
    expect(topByOpen([place('A', 0), place('B', 1), place('C', 3)], NAMES, 1).map((p) => p.id)).toEqual(['C']);
    expect(topByOpen([place('A', 0)], NAMES, 5)).toEqual([]);
  });

  it('doesNotReorderTheViewItRanks', () => {
    const rollups = [place('A', 1), place('B', 5)];
    topByOpen(rollups, NAMES, 2);
    expect(rollups.map((p) => p.id)).toEqual(['A', 'B']);
  });

  it('namesEveryCompoundAndCommitteeOfThePack', async () => {
    const names = placeNames(await loadPack(), 'zh');
    expect(names.compounds.size).toBe(80);
    expect(names.committees.size).toBe(26);
    expect([...names.compounds.values()]).toContain('岚皋大楼小区');
    // Romanised in English, for visitors.
    expect(placeNames(await loadPack(), 'en').compounds.get('SQ-C02')).toBe('Langao Dalou Xiaoqu');
  });
});
