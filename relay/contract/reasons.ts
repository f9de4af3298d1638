// Why the validator refused an event. The codes are stable: the relay counts rejects by code in
// its metrics and writes the code (plus a one-line detail) to the dead-letter topic.
import type { Label } from './kinds.ts';

export const REJECT_REASONS = [
  'oversized',
  'bad_encoding',
  'invalid_json',
  'not_object',
  'unknown_field',
  'wrong_type',
  'missing_id',
  'bad_id',
  'missing_ts',
  'bad_ts',
  'ts_out_of_range',
  'missing_kind',
  'unknown_kind',
  'kind_not_in_topic',
  'missing_location',
  'unknown_compound',
  'bad_coordinates',
  'outside_area',
  'bad_crs',
  'bad_severity',
  'bad_status',
  'status_not_allowed',
  'missing_ref',
  'bad_ref',
  'bad_device_id',
  'note_too_long',
  'id_conflict',
  'missing_stage',
  'bad_stage',
  'bad_case_status',
  'missing_outcome',
  'outcome_not_allowed',
  'unknown_case',
  'stage_out_of_order',
  'case_kind_mismatch',
  'internal_error',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/**
 * Reasons the relay's state gives, not the validator: an event valid alone that clashes with one
 * seen before (its id), or a grid or hotline step its case cannot take (the state knows the cases).
 */
export const STATE_REASONS = ['id_conflict', 'unknown_case', 'stage_out_of_order', 'case_kind_mismatch'] as const satisfies readonly RejectReason[];
export type StateReason = (typeof STATE_REASONS)[number];

export const REJECT_REASON_LABELS: Readonly<Record<RejectReason, Label>> = {
  oversized: { zh: '消息超过 8 KiB', en: 'message larger than 8 KiB' },
  bad_encoding: { zh: '非法 UTF-8 编码', en: 'not valid UTF-8 (or an unpaired surrogate)' },
  invalid_json: { zh: 'JSON 无法解析', en: 'not parsable as JSON' },
  not_object: { zh: '不是 JSON 对象', en: 'not a JSON object' },
  unknown_field: { zh: '含未定义字段', en: 'a top-level field contract v1 does not define' },
  wrong_type: { zh: '字段类型错误', en: 'a field has the wrong JSON type' },
  missing_id: { zh: '缺少 id', en: 'no id' },
  bad_id: { zh: 'id 非法', en: 'id empty, longer than 64 characters or with control characters' },
  missing_ts: { zh: '缺少时间', en: 'no ts' },
  bad_ts: {
    zh: '时间格式错误',
    en: 'ts neither ISO-8601 with an offset nor integer epoch milliseconds',
  },
  ts_out_of_range: { zh: '时间超出允许范围', en: 'ts too far in the past or the future' },
  missing_kind: { zh: '缺少事件类型', en: 'no kind' },
  unknown_kind: { zh: '未知事件类型', en: 'kind not in contract v1' },
  kind_not_in_topic: { zh: '事件类型与主题来源不符', en: "kind not of the topic's source" },
  missing_location: { zh: '缺少位置', en: 'neither compoundId nor lng/lat' },
  unknown_compound: { zh: '小区编号不存在', en: 'compoundId not in the geography pack' },
  bad_coordinates: {
    zh: '坐标非法',
    en: 'lng/lat not a finite pair within ±180/±90',
  },
  outside_area: { zh: '坐标不在街道内任何小区', en: 'lng/lat not inside any compound' },
  bad_crs: { zh: '坐标系不支持', en: 'crs neither "wgs84" nor "gcj02"' },
  bad_severity: { zh: '严重程度非法', en: 'severity not info, warning or critical' },
  bad_status: { zh: '状态非法', en: 'status neither open nor closed' },
  status_not_allowed: {
    zh: '该类型不是事件工单,不能带状态',
    en: 'status on a kind that is not an incident',
  },
  missing_ref: { zh: '办结事件或案件步骤缺少 ref', en: 'closed event or case step without ref' },
  bad_ref: { zh: 'ref 非法', en: 'ref empty, longer than 64 characters or with control characters' },
  bad_device_id: {
    zh: '设备编号非法',
    en: 'deviceId empty, longer than 64 characters or with control characters',
  },
  note_too_long: { zh: '备注超过 280 字', en: 'note longer than 280 characters' },
  id_conflict: {
    zh: 'id 已用于内容不同的事件',
    en: 'id already seen with other content (the first event stands)',
  },
  missing_stage: { zh: '案件步骤缺少 stage', en: 'grid or hotline step (with ref) without stage' },
  bad_stage: { zh: '案件步骤非法', en: "stage not one of the source's stages" },
  bad_case_status: {
    zh: '案件状态与步骤不符',
    en: 'status "open" on a step, or "closed" without stage closed (or the reverse)',
  },
  missing_outcome: {
    zh: '缺少办结或回访结果',
    en: 'finished without onTime, or reviewed without resolved and satisfied',
  },
  outcome_not_allowed: {
    zh: '该步骤不带此结果字段',
    en: 'onTime, resolved or satisfied on an opening or on a stage that does not take it',
  },
  unknown_case: {
    zh: '案件不存在',
    en: 'ref names no case the relay knows (never opened, or before the relay reads from)',
  },
  stage_out_of_order: {
    zh: '案件步骤顺序错误',
    en: "stage not after the case's last stage (repeated, going back, or the case is closed)",
  },
  case_kind_mismatch: { zh: '步骤类型与案件不符', en: "a step's kind differs from its case's" },
  internal_error: {
    zh: '校验时发生内部错误',
    en: 'the validator or a lookup threw; detail has the message',
  },
};

/** Thrown inside the validator to stop at the first broken rule; never escapes it. */
export class Rejection {
  constructor(
    readonly reason: RejectReason,
    readonly detail: string,
  ) {}
}

export function reject(reason: RejectReason, detail: string): never {
  throw new Rejection(reason, detail);
}

/** JSON's name for a value's type, for "expected …, got …" details. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const QUOTE_LIMIT = 48;

/** A received value for a one-line detail: JSON-escaped and cut short, never the whole input. */
export function quote(value: unknown): string {
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.slice(0, QUOTE_LIMIT));
    return value.length > QUOTE_LIMIT ? `${shown}…` : shown;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `(${typeName(value)})`;
}
