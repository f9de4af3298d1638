// The kind table of contract v1 (SPEC §4): which source emits each kind, how severe it is by
// default, whether it opens an incident, and how the wall names it in Chinese and English.

export interface Label {
  zh: string;
  en: string;
}

export const SOURCES = ['sensor', 'camera', 'alarm110'] as const;
export type Source = (typeof SOURCES)[number];

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const INCIDENT_STATUSES = ['open', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const SOURCE_LABELS: Readonly<Record<Source, Label>> = {
  sensor: { zh: '物联感知', en: 'IoT sensors' },
  camera: { zh: '视频智能', en: 'Video analytics' },
  alarm110: { zh: '110警情', en: '110 police calls' },
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
    label: { zh: '楼洞防盗门未关', en: 'Entrance door left open' },
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
    label: { zh: '楼道电动车充电', en: 'E-bike charging in stairwell' },
  },
  elderly_inactivity: {
    source: 'sensor',
    severity: 'warning',
    incident: true,
    label: { zh: '独居老人长时间无活动', en: 'Elderly resident inactive for long' },
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
    label: { zh: '刷脸开门', en: 'Face-recognition entry' },
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
    label: { zh: '高空抛物', en: 'Object thrown from height' },
  },
  street_vendor: {
    source: 'camera',
    severity: 'warning',
    incident: true,
    label: { zh: '跨门营业/违章设摊', en: 'Illegal street vending' },
  },
  illegal_construction: {
    source: 'camera',
    severity: 'warning',
    incident: true,
    label: { zh: '违章搭建', en: 'Illegal construction' },
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
    label: { zh: '扒窃拎包', en: 'Pickpocketing / bag snatching' },
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
} as const satisfies Record<string, KindInfo>;

export type Kind = keyof typeof KIND_TABLE;

export const KIND_INFO: Readonly<Record<Kind, Readonly<KindInfo>>> = KIND_TABLE;

/** Every kind, grouped by source in the order of SOURCES. */
export const KINDS = Object.keys(KIND_TABLE) as readonly Kind[];

const KINDS_BY_SOURCE: Readonly<Record<Source, readonly Kind[]>> = {
  sensor: KINDS.filter((kind) => KIND_INFO[kind].source === 'sensor'),
  camera: KINDS.filter((kind) => KIND_INFO[kind].source === 'camera'),
  alarm110: KINDS.filter((kind) => KIND_INFO[kind].source === 'alarm110'),
};

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
