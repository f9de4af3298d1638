// Event contract v1, shared by the simulator, the relay and the wall. Pure TypeScript with no
// Node-only imports, so the browser bundle can use it too.
export {
  COORDINATE_SYSTEMS,
  WIRE_FIELDS,
  isFollowUp,
  type CoordinateSystem,
  type ProducerEvent,
  type ShiquanEvent,
  type WireEvent,
  type WireField,
} from './event.ts';
export {
  CASE_COUNTERS,
  CASE_FIELDS,
  CASE_RATES,
  CASE_STAGES,
  DEADLINE_STAGE,
  STAGE_LABELS,
  STAGE_OUTCOMES,
  caseRates,
  emptyCaseCounts,
  stageIndex,
  type CaseCounter,
  type CaseCounts,
  type CaseRateDef,
  type CaseRateId,
  type CaseRates,
  type CaseStage,
  type CaseStep,
  type GridStage,
  type HotlineStage,
} from './cases.ts';
export {
  ALARM_SOURCES,
  CASE_SOURCES,
  INCIDENT_STATUSES,
  KINDS,
  KIND_INFO,
  SEVERITIES,
  SEVERITY_LABELS,
  SOURCES,
  SOURCE_LABELS,
  STATUS_LABELS,
  isCaseKind,
  isCaseSource,
  isIncidentKind,
  isKind,
  kindsOfSource,
  perSource,
  sourceOfKind,
  type AlarmSource,
  type CaseSource,
  type IncidentStatus,
  type Kind,
  type KindInfo,
  type Label,
  type Severity,
  type Source,
} from './kinds.ts';
export { MAX_RAW_BYTES } from './rawInput.ts';
export { REJECT_REASONS, REJECT_REASON_LABELS, STATE_REASONS, type RejectReason, type StateReason } from './reasons.ts';
export { parseEventTime } from './timestamp.ts';
export { DEFAULT_TOPIC_PREFIX, sourceOfTopic, topicNames, type TopicNames } from './topics.ts';
export {
  DEFAULT_MAX_FUTURE_MS,
  DEFAULT_MAX_PAST_MS,
  MAX_IDENTIFIER_CHARS,
  MAX_NOTE_CHARS,
  validateEvent,
  type ValidationContext,
  type ValidationResult,
} from './validate.ts';
