// The wall's one message catalogue: all its own words in zh and en, panels, alarm queue, replay
// bar, tour, privacy badge, perf readout and the key help alike. Names of sources, kinds and
// severities are not here: they come from the event contract's label tables
// (relay/contract/kinds.ts), defined once. Tour captions come from the tour file.
import type { Label } from '../../relay/contract/index.ts';
import { formatCalendarDay } from './format.ts';
import type { Lang } from './lang.ts';

export const MESSAGES = {
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
  skipped: { zh: '跳过', en: 'skipped' },
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
  vsYesterdayShort: { zh: '较昨日', en: 'vs. yest.' },
  noBaselineShort: { zh: '昨日为 0', en: 'none yest.' },
  cases: { zh: '网格与12345热线', en: 'Grid cases and 12345 hotline' },
  yearToDate: { zh: '年累计', en: 'year to date' },
  acceptedToday: { zh: '今日受理', en: 'Accepted today' },
  openCases: { zh: '在办', en: 'Open' },
  overdueCases: { zh: '超期', en: 'overdue' },
  acceptedThisYear: { zh: '年累计受理', en: 'This year' },
  todayShort: { zh: '今日', en: 'today' },
  caseSteps: { zh: '案件动态', en: 'Case steps' },
  caseAccepted: { zh: '受理', en: 'Accepted' },
  resolved: { zh: '已解决', en: 'resolved' },
  unresolved: { zh: '未解决', en: 'not resolved' },
  satisfied: { zh: '满意', en: 'satisfied' },
  unsatisfied: { zh: '不满意', en: 'not satisfied' },
  late: { zh: '超时', en: 'late' },
  waiting: { zh: '等待数据…', en: 'Waiting for data…' },
  connecting: { zh: '连接中', en: 'Connecting' },
  live: { zh: '实时', en: 'Live' },
  reconnecting: { zh: '重连中 · 保留上次数据', en: 'Reconnecting · last figures kept' },
  rebuilding: { zh: '数据重建中 · 保留上次数据', en: 'Rebuilding · last figures kept' },
  stale: { zh: '数据停滞', en: 'Stale' },
  'upstream-unavailable': { zh: '上游无数据', en: 'No upstream data' },
  unauthorized: { zh: '令牌被拒', en: 'Token refused' },
  replay: { zh: '回放', en: 'Replay' },
  // The alarm queue
  alarmTitle: { zh: '紧急告警', en: 'Critical alarms' },
  chimeOn: { zh: '提示音 开', en: 'Chime on' },
  chimeOff: { zh: '提示音 关', en: 'Chime off' },
  // The replay bar
  replayKeys: {
    zh: '←/→ 10秒 · Shift 1分钟 · Home 最早 · End/Esc 回到实时',
    en: '←/→ 10 s · Shift 1 min · Home oldest · End/Esc back to live',
  },
  // The tour. English uses straight quotes: the CJK-first font draws curly ones full width.
  tour: { zh: '导览', en: 'Tour' },
  quoted: { zh: '引自报道', en: 'Quoted' },
  /** Before the source's title on the overlay's last line. */
  quotedFrom: { zh: '标注“引自报道”的数字引自', en: 'Figures marked "Quoted" are quoted from' },
  liveNote: { zh: '“实时”数字来自当前数据', en: '"Live" figures come from the live data' },
  // What the tour overlay says the tour is doing (TourPhase).
  'tour-playing': { zh: '自动播放', en: 'Auto-play' },
  'tour-paused': { zh: '演示者控制', en: 'Presenter control' },
  'tour-interrupted': { zh: '紧急告警插播 · 告警结束后继续导览', en: 'Critical alarm · the tour resumes afterwards' },
  'tour-blank': { zh: '黑屏', en: 'Blank' },
  privacyMode: { zh: '隐私模式', en: 'Privacy mode' },
  /** In privacy mode, in place of an event's note. */
  noteHidden: { zh: '备注已隐藏', en: 'note hidden' },
  // The perf readout: its rows, and the lag compares two clocks, so the readout says so.
  'perf-fps': { zh: '帧率', en: 'fps' },
  'perf-lag': { zh: '上屏延迟', en: 'event→screen' },
  'perf-delta': { zh: '每增量耗时', en: 'ms per delta' },
  'perf-dropped': { zh: '丢失增量', en: 'deltas dropped' },
  'perf-heap': { zh: 'JS 堆', en: 'JS heap' },
  lagNote: {
    zh: '延迟 = 上屏时刻(墙端钟) − 事件时间(源端钟), 近 1 分钟',
    en: 'lag = shown (wall clock) − event ts (producer clock), last min',
  },
  // The key help (`?`): what each key of wall/keys/keyMap.ts does.
  keysTitle: { zh: '按键说明', en: 'Keys' },
  keysClose: { zh: '再按 ? 关闭', en: 'Press ? again to close' },
  keyLang: { zh: '中文 / English', en: 'English / 中文' },
  keyPrivacy: { zh: '隐私模式 开/关', en: 'Privacy mode on/off' },
  keyHeat: { zh: '热力图切换数据源', en: 'Heatmap: next source' },
  keyChime: { zh: '告警提示音 开/关', en: 'Alarm chime on/off' },
  keyReplay: { zh: '回放最近15分钟 开/关', en: 'Replay (last 15 min) on/off' },
  keyReplayStep: { zh: '回放 后退/前进 10秒', en: 'Replay: 10 s back / on' },
  keyReplayMinute: { zh: '回放 后退/前进 1分钟', en: 'Replay: 1 min back / on' },
  keyReplayOldest: { zh: '回放 最早画面', en: 'Replay: oldest frame' },
  keyReplayLive: { zh: '回放 回到实时', en: 'Replay: back to live' },
  keyTour: { zh: '导览 开始/结束', en: 'Tour start/stop' },
  keyTourStep: { zh: '导览 下一步/上一步', en: 'Tour: next/previous step' },
  keyTourBlank: { zh: '导览 黑屏/恢复', en: 'Tour: blank/unblank' },
  keyPerf: { zh: '性能读数 显示/隐藏', en: 'Perf readout on/off' },
  keyHelp: { zh: '本说明 显示/隐藏', en: 'This help on/off' },
  attribution: {
    zh: '边界示意 · 居委会名称: Vonng/adcode (CC BY 4.0), geometry from AutoNavi/Amap · 小区与建筑为生成数据',
    en: 'Schematic boundary · committee names: Vonng/adcode (CC BY 4.0), geometry from AutoNavi/Amap · compounds and buildings synthesized',
  },
} as const satisfies Record<string, Label>;

export type MessageKey = keyof typeof MESSAGES;

export function t(key: MessageKey, lang: Lang): string {
  return MESSAGES[key][lang];
}

/** On the embedded demo: what the figures are, for the attribution line. */
export function replayNotice(day: string, lang: Lang): string {
  const shown = formatCalendarDay(day, lang);
  return lang === 'zh'
    ? `演示数据：全部数字为历史数据 ${shown} 的回放，按此刻的时间重现`
    : `Demo data: every figure is a replay of the historical day ${shown}, at today's time of day`;
}

/** The line under the alarm cards for those that do not fit: 另有 3 条 / +3 more. */
export function moreCards(count: number, lang: Lang): string {
  return lang === 'zh' ? `另有 ${count} 条` : `+${count} more`;
}
