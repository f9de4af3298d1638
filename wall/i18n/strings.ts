// The wall's own words in both languages. Names of sources, kinds and severities are not here:
// they come from the event contract's label tables (relay/contract/kinds.ts), defined once.
import type { Label } from '../../relay/contract/index.ts';
import type { Lang } from './lang.ts';

const STRINGS = {
  title: { zh: '石泉路街道 · 城市大脑', en: 'Shiquan Road Sub-district · City Brain' },
  todayAlerts: { zh: '今日告警', en: "Today's alerts" },
  byKind: { zh: '分类统计', en: 'By kind' },
  incidents: { zh: '事件处置', en: 'Incidents' },
  openIncidents: { zh: '在办事件', en: 'Open' },
  closureRate: { zh: '办结率', en: 'Closure rate' },
  timeToClose: { zh: '办结时长', en: 'Time to close' },
  median: { zh: '中位数', en: 'median' },
  freshness: { zh: '数据鲜度', en: 'Data freshness' },
  lastEvent: { zh: '最近事件', en: 'last event' },
  noEventYet: { zh: '暂无事件', en: 'no event yet' },
  feed: { zh: '重点事件', en: 'Notable events' },
  feedEmpty: { zh: '暂无重点事件', en: 'No notable events yet' },
  trends: { zh: '24小时趋势', en: '24-hour trend' },
  today: { zh: '今日', en: 'Today' },
  yesterday: { zh: '昨日', en: 'Yesterday' },
  openByPlace: { zh: '在办事件分布', en: 'Open incidents by place' },
  topCompounds: { zh: '小区', en: 'Compounds' },
  topCommittees: { zh: '居委会', en: 'Committees' },
  noOpen: { zh: '暂无在办事件', en: 'No open incidents' },
  vsYesterday: { zh: '较昨日同时段', en: 'vs. yesterday so far' },
  noBaseline: { zh: '昨日同时段为 0', en: 'none yesterday by now' },
  waiting: { zh: '等待数据…', en: 'Waiting for data…' },
  connecting: { zh: '连接中', en: 'Connecting' },
  live: { zh: '实时', en: 'Live' },
  reconnecting: { zh: '重连中 · 保留上次数据', en: 'Reconnecting · last figures kept' },
  stale: { zh: '数据停滞', en: 'Stale' },
  'upstream-unavailable': { zh: '上游无数据', en: 'No upstream data' },
  unauthorized: { zh: '令牌被拒', en: 'Token refused' },
  replay: { zh: '回放', en: 'Replay' },
  attribution: {
    zh: '边界示意 · 居委会名称: Vonng/adcode (CC BY 4.0), geometry from AutoNavi/Amap · 小区与建筑为生成数据',
    en: 'Schematic boundary · committee names: Vonng/adcode (CC BY 4.0), geometry from AutoNavi/Amap · compounds and buildings synthesized',
  },
} as const satisfies Record<string, Label>;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang];
}
