// Where each 居委会 goes. Names and codes of 24 come from the 2016 NBS list (Vonng/adcode); the
// article counts 26 in 2019, so two are added under made-up names after streets they sit on.
// Seeds are guesses from the names (石泉 committees near 石泉路, 管弄 near 管弄路, 中山新村 by
// 中山北路, 镇坪路 towards 镇坪路 station), except the two with real points from the CSV.
import type { Position } from 'geojson';
import type { CommitteeProps } from '../schema.ts';
import { romaniseCommittee } from './romanise.ts';

interface Placement {
  shortName: string;
  areaId: string;
  seed: Position;
}

const REAL: Readonly<Record<string, Placement>> = {
  '310107017001': { shortName: '中山', areaId: 'SQ-A3', seed: [121.419, 31.2465] },
  '310107017002': { shortName: '镇坪', areaId: 'SQ-A3', seed: [121.4228, 31.2494] },
  '310107017003': { shortName: '太浜', areaId: 'SQ-A3', seed: [121.4092, 31.2455] },
  '310107017004': { shortName: '薛家厍', areaId: 'SQ-A1', seed: [121.4127, 31.2543] },
  '310107017005': { shortName: '信仪', areaId: 'SQ-A1', seed: [121.4096, 31.2566] },
  '310107017006': { shortName: '石一', areaId: 'SQ-A1', seed: [121.4096, 31.2597] },
  '310107017007': { shortName: '石二', areaId: 'SQ-A1', seed: [121.4127, 31.2597] },
  '310107017009': { shortName: '石六', areaId: 'SQ-A1', seed: [121.4157, 31.2597] },
  '310107017010': { shortName: '铁路', areaId: 'SQ-A2', seed: [121.421975, 31.255345] }, // CSV point
  '310107017011': { shortName: '洵一', areaId: 'SQ-A2', seed: [121.4192, 31.2566] },
  '310107017012': { shortName: '洵二', areaId: 'SQ-A2', seed: [121.4253, 31.2566] },
  '310107017013': { shortName: '石岚三', areaId: 'SQ-A1', seed: [121.4157, 31.2566] },
  '310107017014': { shortName: '管一', areaId: 'SQ-A2', seed: [121.4192, 31.2518] },
  '310107017015': { shortName: '管二', areaId: 'SQ-A2', seed: [121.4226, 31.2518] },
  '310107017016': { shortName: '管三', areaId: 'SQ-A2', seed: [121.4253, 31.2518] },
  '310107017017': { shortName: '铜川', areaId: 'SQ-A1', seed: [121.4055, 31.2517] },
  '310107017018': { shortName: '陆一', areaId: 'SQ-A3', seed: [121.414, 31.245] },
  '310107017019': { shortName: '陆二', areaId: 'SQ-A3', seed: [121.415317, 31.248408] }, // CSV point
  '310107017020': { shortName: '联合', areaId: 'SQ-A3', seed: [121.419, 31.249] },
  '310107017021': { shortName: '和平', areaId: 'SQ-A2', seed: [121.4253, 31.2597] },
  '310107017022': { shortName: '兰凤', areaId: 'SQ-A2', seed: [121.4192, 31.2597] },
  '310107017023': { shortName: '中宁', areaId: 'SQ-A2', seed: [121.4226, 31.2597] },
  '310107017024': { shortName: '秋月枫舍', areaId: 'SQ-A3', seed: [121.4058, 31.2488] },
  '310107017025': { shortName: '品尊', areaId: 'SQ-A3', seed: [121.4127, 31.2488] },
};

const SYNTHESIZED: readonly (Placement & { name: string })[] = [
  { name: '静宁路居委会', shortName: '静宁', areaId: 'SQ-A1', seed: [121.4127, 31.2517] },
  { name: '宁强路居委会', shortName: '宁强', areaId: 'SQ-A3', seed: [121.4092, 31.249] },
];

export interface CommitteeDef extends CommitteeProps {
  seed: Position;
}

const committeeId = (index: number) => `SQ-R${String(index + 1).padStart(2, '0')}`;

/** The 26 committees: the CSV's rows in code order, then the two made-up ones. */
export function committeeDefs(csvRows: readonly { adcode: string; name: string }[]): CommitteeDef[] {
  const real = [...csvRows]
    .sort((a, b) => (a.adcode < b.adcode ? -1 : a.adcode > b.adcode ? 1 : 0))
    .map(({ adcode, name }) => {
      const placement = REAL[adcode];
      if (!placement) throw new Error(`committee ${adcode} ${name} has no placement in committeeTable.ts`);
      return { adcode, name, provenance: 'real' as const, ...placement };
    });
  const made = SYNTHESIZED.map((s) => ({ adcode: null, provenance: 'synthesized' as const, ...s }));
  return [...real, ...made].map(({ adcode, name, shortName, areaId, provenance, seed }, i) => ({
    id: committeeId(i),
    adcode,
    name,
    nameEn: romaniseCommittee(name),
    shortName,
    areaId,
    provenance,
    seed,
  }));
}
