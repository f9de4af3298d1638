// The kind table of contract v1 (SPEC §4): which source emits each kind, how severe it is by
// default, whether it opens an incident (or, for grid and hotline kinds, a case), and how the
// wall names it in Chinese and English. The English names are short on purpose: they stand in
// a half-width column of the by-kind panel.

export interface Label {
  zh: string;
  en: string;
}

/** Sources of alarms and alerts: what the heat grids, trends and alert counters are about. */
export const ALARM_SOURCES = ['sensor', 'camera', 'alarm110'] as const;
export type AlarmSource = (typeof ALARM_SOURCES)[number];

/** Sources of cases with a lifecycle of steps (relay/contract/cases.ts): 网格 and 12345. */
export const CASE_SOURCES = ['grid', 'hotline'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const SOURCES = [...ALARM_SOURCES, ...CASE_SOURCES] as const;
export type Source = (typeof SOURCES)[number];

/** A record with an entry for every source, in the order of SOURCES. */
export function perSource<T>(make: (source: Source) => T): Record<Source, T> {
  const record = {} as Record<Source, T>;
  for (const source of SOURCES) record[source] = make(source);
  return record;
}

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const INCIDENT_STATUSES = ['open', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const SOURCE_LABELS: Readonly<Record<Source, Label>> = {
  sensor: { zh: '物联感知', en: 'IoT sensors' },
  camera: { zh: '视频智能', en: 'Video analytics' },
  alarm110: { zh: '110警情', en: '110 police calls' },
  grid: { zh: '网格案件', en: 'Grid cases' },
  hotline: { zh: '12345热线', en: '12345 hotline' },
};

export const SEVERITY_LABELS: Readonly<Record<Severity, Label>> = {
  info: { zh: '提示', en: 'Info' },
  warning: { zh: '预警', en: 'Warning' },
  critical: { zh: '紧急', en: 'Critical' },
};

export const STATUS_LABELS: Readonly<Record<IncidentStatus, Label>> = {
  open: { zh: '处置中', en: 'Open' },
  closed: { zh: '已办结', en: 'Closed' },
};

export interface KindInfo {
  source: Source;
  /** Used when an event carries no `severity`. */
  severity: Severity;
  /** Incidents have a lifecycle (open → closed); passes and door swipes are just counted. */
  incident: boolean;
  label: Label;
  /**
   * Case kinds only: hours from a case's acceptance until it must have reached its source's
   * deadline stage (grid: handled, hotline: finished); past it, an open case is overdue.
   */
  deadlineHours?: number;
}

// Severity defaults. Camera kinds follow the spec. For the rest, `critical` means someone may be
// in danger right now and the wall must pop it up: fire, gas, an elderly resident calling for
// help, an intruder in a home. Everything else needs a follow-up but not an interruption, so it
// is a `warning` (including long inactivity, which usually ends with a neighbour's visit).
const KIND_TABLE = {
  door_open: {
    source: 'sensor',
    severity: 'warning',
    incident: true,
    label: { zh: '楼洞防盗门未关', en: 'Door left open' },
  },
  smoke: {
    source: 'sensor',
    severity: 'critical',
    incident: true,
    label: { zh: '烟感报警', en: 'Smoke detected' },
  },
  gas_leak: {
    source: 'sensor',
    severity: 'critical',
    incident: true,
    label: { zh: '燃气泄漏', en: 'Gas leak' },
  },
  ebike_charging: {
    source: 'sensor',
    severity: 'warning',
    incident: true,
    label: { zh: '楼道电动车充电', en: 'E-bike charging' },
  },
  elderly_inactivity: {
    source: 'sensor',
    severity: 'warning',
    incident: true,
    label: { zh: '独居老人长时间无活动', en: 'Elderly inactive' },
  },
  elderly_sos: {
    source: 'sensor',
    severity: 'critical',
    incident: true,
    label: { zh: '老人一键呼叫', en: 'Elderly SOS call' },
  },
  face_access: {
    source: 'camera',
    severity: 'info',
    incident: false,
    label: { zh: '刷脸开门', en: 'Face-scan entry' },
  },
  vehicle_pass: {
    source: 'camera',
    severity: 'info',
    incident: false,
    label: { zh: '车辆通行', en: 'Vehicle pass' },
  },
  person_pass: {
    source: 'camera',
    severity: 'info',
    incident: false,
    label: { zh: '人员通行', en: 'Person pass' },
  },
  high_altitude_throw: {
    source: 'camera',
    severity: 'critical',
    incident: true,
    label: { zh: '高空抛物', en: 'Thrown object' },
  },
  street_vendor: {
    source: 'camera',
    severity: 'warning',
    incident: true,
    label: { zh: '跨门营业/违章设摊', en: 'Street vending' },
  },
  illegal_construction: {
    source: 'camera',
    severity: 'warning',
    incident: true,
    label: { zh: '违章搭建', en: 'Illegal building' },
  },
  watchlist_hit: {
    source: 'camera',
    severity: 'critical',
    incident: true,
    label: { zh: '高危名单比中', en: 'Watchlist match' },
  },
  burglary: {
    source: 'alarm110',
    severity: 'critical',
    incident: true,
    label: { zh: '入室盗窃', en: 'Burglary' },
  },
  theft: {
    source: 'alarm110',
    severity: 'warning',
    incident: true,
    label: { zh: '偷盗', en: 'Theft' },
  },
  pickpocket: {
    source: 'alarm110',
    severity: 'warning',
    incident: true,
    label: { zh: '扒窃拎包', en: 'Pickpocketing' },
  },
  ebike_theft: {
    source: 'alarm110',
    severity: 'warning',
    incident: true,
    label: { zh: '盗窃电动自行车', en: 'E-bike theft' },
  },
  telecom_fraud: {
    source: 'alarm110',
    severity: 'warning',
    incident: true,
    label: { zh: '电信诈骗', en: 'Telecom fraud' },
  },
  dispute: {
    source: 'alarm110',
    severity: 'warning',
    incident: true,
    label: { zh: '纠纷', en: 'Dispute' },
  },
  other: {
    source: 'alarm110',
    severity: 'warning',
    incident: true,
    label: { zh: '其他警情', en: 'Other police call' },
  },
  // Grid cases (网格化管理): what inspectors, cameras and residents report on the street. The
  // deadlines are this project's assumption (a day for what blocks a pavement, three days for a
  // repair, a week for a structure to come down); a deployment sets its centre's own.
  street_trading: {
    source: 'grid',
    severity: 'info',
    incident: false,
    label: { zh: '跨门营业/乱设摊', en: 'Shop or stall on pavement' },
    deadlineHours: 24,
  },
  illegal_building: {
    source: 'grid',
    severity: 'info',
    incident: false,
    label: { zh: '违法搭建', en: 'Illegal building' },
    deadlineHours: 168,
  },
  rubbish_pile: {
    source: 'grid',
    severity: 'info',
    incident: false,
    label: { zh: '垃圾堆物', en: 'Piled-up rubbish' },
    deadlineHours: 24,
  },
  broken_facility: {
    source: 'grid',
    severity: 'info',
    incident: false,
    label: { zh: '公共设施损坏', en: 'Broken facility' },
    deadlineHours: 72,
  },
  stairwell_clutter: {
    source: 'grid',
    severity: 'info',
    incident: false,
    label: { zh: '楼道堆物', en: 'Stairwell clutter' },
    deadlineHours: 72,
  },
  parking_disorder: {
    source: 'grid',
    severity: 'info',
    incident: false,
    label: { zh: '非机动车乱停放', en: 'Bikes parked in the way' },
    deadlineHours: 24,
  },
  // 12345 citizens' hotline requests. Deadlines assumed: five days for most requests, three for
  // a nuisance that goes on every day, two for an enquiry.
  noise: {
    source: 'hotline',
    severity: 'info',
    incident: false,
    label: { zh: '噪声扰民', en: 'Noise' },
    deadlineHours: 72,
  },
  property_service: {
    source: 'hotline',
    severity: 'info',
    incident: false,
    label: { zh: '物业服务', en: 'Property management' },
    deadlineHours: 120,
  },
  sanitation: {
    source: 'hotline',
    severity: 'info',
    incident: false,
    label: { zh: '环境卫生', en: 'Sanitation' },
    deadlineHours: 72,
  },
  home_repair: {
    source: 'hotline',
    severity: 'info',
    incident: false,
    label: { zh: '房屋维修', en: 'Home repairs' },
    deadlineHours: 120,
  },
  enquiry: {
    source: 'hotline',
    severity: 'info',
    incident: false,
    label: { zh: '政策咨询', en: 'Enquiry' },
    deadlineHours: 48,
  },
} as const satisfies Record<string, KindInfo>;

export type Kind = keyof typeof KIND_TABLE;

export const KIND_INFO: Readonly<Record<Kind, Readonly<KindInfo>>> = KIND_TABLE;

/** Every kind, grouped by source in the order of SOURCES. */
export const KINDS = Object.keys(KIND_TABLE) as readonly Kind[];

const KINDS_BY_SOURCE: Readonly<Record<Source, readonly Kind[]>> = perSource((source) =>
  KINDS.filter((kind) => KIND_INFO[kind].source === source),
);

// Own-property test, so 'constructor' or '__proto__' are never mistaken for kinds.
export function isKind(value: string): value is Kind {
  return Object.hasOwn(KIND_TABLE, value);
}

export function kindsOfSource(source: Source): readonly Kind[] {
  return KINDS_BY_SOURCE[source];
}

export function sourceOfKind(kind: Kind): Source {
  return KIND_INFO[kind].source;
}

export function isIncidentKind(kind: Kind): boolean {
  return KIND_INFO[kind].incident;
}

export function isCaseSource(source: Source): source is CaseSource {
  return source === 'grid' || source === 'hotline';
}

/** Grid and hotline kinds: each event opens a case or reports one of its steps. */
export function isCaseKind(kind: Kind): boolean {
  return isCaseSource(KIND_INFO[kind].source);
}
