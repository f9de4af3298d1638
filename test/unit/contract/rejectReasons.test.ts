import { describe, expect, it } from 'vitest';
import {
  REJECT_REASONS,
  REJECT_REASON_LABELS,
  STATE_REASONS,
  validateEvent,
  type RejectReason,
  type StateReason,
  type ValidationContext,
} from '../../../relay/contract/index.ts';
import { INSIDE, NOW, fakeContext, wire } from './fakeContext.ts';

interface Case {
  name: string;
  input: unknown;
  ctx?: Partial<ValidationContext>;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const DAY = 24 * 60 * 60_000;
const throwing = () => {
  throw new Error('pack lookup failed');
};

/** A grid step as a producer sends it: `overrides` set or (undefined) remove fields. */
const gridStep = (overrides: Record<string, unknown> = {}) =>
  wire({ id: 'g-1-dispatched', kind: 'rubbish_pile', ref: 'g-1', stage: 'dispatched', ...overrides });
const hotlineStep = (overrides: Record<string, unknown> = {}) =>
  wire({ id: 'h-1-finished', kind: 'noise', ref: 'h-1', stage: 'finished', onTime: true, ...overrides });

// Every reason the validator gives needs at least one case here; the first test below enforces
// it at run time. The state's own reasons are tested with the state (test/unit/state/dedup.test.ts,
// test/unit/state/cases.test.ts).
const CASES: Record<Exclude<RejectReason, StateReason>, Case[]> = {
  oversized: [
    { name: 'a string over 8 KiB', input: wire({ note: 'x' }) + ' '.repeat(8192) },
    { name: 'bytes over 8 KiB', input: new Uint8Array(8193).fill(0x20) },
    { name: 'short in UTF-16 but over 8 KiB in UTF-8', input: `"${'石'.repeat(2800)}"` },
  ],
  bad_encoding: [
    { name: 'invalid UTF-8 bytes', input: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) },
    { name: 'a truncated multi-byte sequence', input: utf8(wire()).slice(0, -1).fill(0xe7, -1) },
    { name: 'an unpaired surrogate in a string', input: wire({ note: 'a\ud800b' }) },
    { name: 'an escaped unpaired surrogate', input: wire({ note: 'x' }).replace('"x"', '"\\udc00"') },
  ],
  invalid_json: [
    { name: 'truncated JSON', input: '{"id":' },
    { name: 'empty input', input: '' },
    { name: 'single quotes', input: "{'id':'a'}" },
    { name: 'NaN literal', input: '{"lng":NaN}' },
  ],
  not_object: [
    { name: 'an array', input: '[]' },
    { name: 'a string', input: '"smoke"' },
    { name: 'a number', input: '42' },
    { name: 'null', input: 'null' },
    { name: 'a Date object', input: new Date(NOW) },
    { name: 'a parsed array', input: [] },
  ],
  unknown_field: [
    { name: 'a stage on the sensor topic', input: wire({ stage: 'closed' }), ctx: { source: 'sensor' } },
    { name: 'onTime on a 110 call of unknown topic', input: wire({ kind: 'theft', onTime: true }) },
    { name: 'an extra field', input: wire({ extra: 1 }) },
    { name: 'a __proto__ key', input: '{"__proto__":{"polluted":true}}' },
    { name: 'a constructor key', input: wire({ constructor: { prototype: {} } }) },
    { name: 'a prototype key', input: wire({ prototype: 1 }) },
    { name: 'a field spelt in another case', input: wire({ ID: 'x' }) },
  ],
  wrong_type: [
    { name: 'a numeric id', input: wire({ id: 5 }) },
    { name: 'a boolean ts', input: wire({ ts: true }) },
    { name: 'a numeric kind', input: wire({ kind: 3 }) },
    { name: 'a numeric compoundId', input: wire({ compoundId: 7 }) },
    { name: 'a string lng', input: wire({ lng: '121.44', lat: 31.25 }) },
    { name: 'an object note', input: wire({ note: { html: '<b>' } }) },
    { name: 'an array deviceId', input: wire({ deviceId: ['d'] }) },
    { name: 'a numeric severity', input: wire({ severity: 2 }) },
    { name: 'onTime as a string', input: hotlineStep({ onTime: 'yes' }) },
    { name: 'a numeric stage', input: gridStep({ stage: 2 }) },
  ],
  missing_id: [
    { name: 'no id', input: wire({ id: undefined }) },
    { name: 'a null id', input: wire({ id: null }) },
  ],
  bad_id: [
    { name: 'an empty id', input: wire({ id: '' }) },
    { name: 'a 65-character id', input: wire({ id: 'e'.repeat(65) }) },
    { name: 'a newline in the id', input: wire({ id: 'a\nb' }) },
    { name: 'a C1 control in the id', input: wire({ id: 'a\u0085b' }) },
  ],
  missing_ts: [{ name: 'no ts', input: wire({ ts: undefined }) }],
  bad_ts: [
    { name: 'an ISO time without offset', input: wire({ ts: '2024-05-01T11:59:00' }) },
    { name: 'fractional epoch ms', input: wire({ ts: NOW - 0.5 }) },
    { name: 'epoch ms in a string', input: wire({ ts: String(NOW) }) },
    { name: 'an impossible date', input: wire({ ts: '2024-02-30T00:00:00Z' }) },
    { name: 'an overflowing number', input: wire({ ts: 1 }).replace(':1', ':1e999') },
  ],
  ts_out_of_range: [
    { name: '36 days old', input: wire({ ts: NOW - 36 * DAY }) },
    { name: '6 minutes ahead', input: wire({ ts: NOW + 6 * 60_000 }) },
    { name: 'the epoch', input: wire({ ts: 0 }) },
    { name: 'older than a custom window', input: wire({ ts: NOW - 2 * DAY }), ctx: { maxPastMs: DAY } },
  ],
  missing_kind: [{ name: 'no kind', input: wire({ kind: undefined }) }],
  unknown_kind: [
    { name: 'a made-up kind', input: wire({ kind: 'fire' }) },
    { name: 'an inherited property name', input: wire({ kind: 'constructor' }) },
    { name: 'a kind in upper case', input: wire({ kind: 'SMOKE' }) },
  ],
  kind_not_in_topic: [
    { name: 'a sensor kind on the camera topic', input: wire(), ctx: { source: 'camera' } },
    {
      name: 'a camera kind on the 110 topic',
      input: wire({ kind: 'face_access' }),
      ctx: { source: 'alarm110' },
    },
  ],
  missing_location: [
    { name: 'neither compoundId nor position', input: wire({ compoundId: undefined }) },
    { name: 'all location fields null', input: wire({ compoundId: null, lng: null, lat: null }) },
  ],
  unknown_compound: [
    { name: 'a compound not in the pack', input: wire({ compoundId: 'SQ-C99' }) },
    { name: 'an empty compoundId', input: wire({ compoundId: '' }) },
  ],
  bad_coordinates: [
    { name: 'lng beyond 180', input: wire({ compoundId: undefined, lng: 200, lat: 31 }) },
    { name: 'lat below -90', input: wire({ compoundId: undefined, lng: 121, lat: -91 }) },
    { name: 'lng without lat', input: wire({ compoundId: undefined, lng: 121.44 }) },
    { name: 'lat without lng, even with a compound', input: wire({ lat: 31.25 }) },
    {
      name: 'an infinite lng',
      input: wire({ compoundId: undefined, lng: 1, lat: 31.25 }).replace('"lng":1', '"lng":1e999'),
    },
    { name: 'NaN in a parsed object', input: { ...JSON.parse(wire()), lng: Number.NaN, lat: 31 } },
  ],
  outside_area: [
    { name: 'a position in no compound', input: wire({ compoundId: undefined, lng: 121, lat: 31 }) },
  ],
  bad_crs: [
    { name: 'Baidu coordinates', input: wire({ crs: 'bd09', ...INSIDE }) },
    { name: 'upper-case crs', input: wire({ crs: 'WGS84' }) },
  ],
  bad_severity: [{ name: 'an unknown severity', input: wire({ severity: 'high' }) }],
  bad_status: [{ name: 'an unknown status', input: wire({ status: 'resolved' }) }],
  status_not_allowed: [
    { name: 'a face access that opens', input: wire({ kind: 'face_access', status: 'open' }) },
    {
      name: 'a vehicle pass that closes',
      input: wire({ kind: 'vehicle_pass', status: 'closed', ref: 'x' }),
    },
  ],
  missing_ref: [
    { name: 'a closed incident without ref', input: wire({ status: 'closed' }) },
    { name: 'a grid step without ref', input: gridStep({ ref: undefined }), ctx: { source: 'grid' } },
    { name: 'a hotline case closed without ref', input: wire({ kind: 'noise', status: 'closed' }) },
  ],
  bad_ref: [
    { name: 'an empty ref', input: wire({ status: 'closed', ref: '' }) },
    { name: 'a 65-character ref', input: wire({ ref: 'r'.repeat(65) }) },
  ],
  bad_device_id: [
    { name: 'a 65-character deviceId', input: wire({ deviceId: 'd'.repeat(65) }) },
    { name: 'a tab in the deviceId', input: wire({ deviceId: 'cam\t1' }) },
  ],
  note_too_long: [
    { name: '281 Chinese characters', input: wire({ note: '石'.repeat(281) }) },
    { name: '281 emoji', input: wire({ note: '🚒'.repeat(281) }) },
  ],
  missing_stage: [{ name: 'a grid step without stage', input: gridStep({ stage: undefined }), ctx: { source: 'grid' } }],
  bad_stage: [
    { name: 'a hotline stage on a grid case', input: gridStep({ stage: 'reviewed' }) },
    { name: 'an unknown stage', input: hotlineStep({ stage: 'solved', onTime: undefined }) },
  ],
  bad_case_status: [
    { name: 'a closed stage without status closed', input: gridStep({ stage: 'closed' }) },
    { name: 'status closed on a dispatched step', input: gridStep({ status: 'closed' }) },
    { name: 'status open on a step', input: hotlineStep({ status: 'open' }) },
  ],
  missing_outcome: [
    { name: 'a finished step without onTime', input: hotlineStep({ onTime: undefined }) },
    { name: 'a review without satisfied', input: hotlineStep({ stage: 'reviewed', onTime: undefined, resolved: true }) },
  ],
  outcome_not_allowed: [
    { name: 'satisfied on a finished step', input: hotlineStep({ satisfied: true }) },
    { name: 'onTime on an opening', input: wire({ kind: 'noise', onTime: true }) },
    { name: 'resolved on a grid step', input: gridStep({ resolved: false }) },
  ],
  internal_error: [
    {
      name: 'a throwing locate',
      input: wire({ compoundId: undefined, ...INSIDE }),
      ctx: { locate: throwing },
    },
    { name: 'a throwing hasCompound', input: wire(), ctx: { hasCompound: throwing } },
    {
      name: 'an object whose keys cannot be listed',
      input: new Proxy({}, { ownKeys: throwing }),
    },
  ],
};

describe('reject reasons', () => {
  const stateReasons: readonly string[] = STATE_REASONS;
  const validatorReasons = REJECT_REASONS.filter((reason): reason is keyof typeof CASES => !stateReasons.includes(reason));
  it.each(validatorReasons)('%s has at least one test case', (reason) => {
    expect(CASES[reason]?.length ?? 0).toBeGreaterThan(0);
  });

  it.each(REJECT_REASONS)('%s has a description', (reason) => {
    expect(REJECT_REASON_LABELS[reason].en).not.toBe('');
    expect(REJECT_REASON_LABELS[reason].zh).not.toBe('');
  });

  it('has no cases for reasons that do not exist', () => {
    const known: readonly string[] = validatorReasons;
    expect(Object.keys(CASES).filter((reason) => !known.includes(reason))).toEqual([]);
  });

  const all = Object.entries(CASES).flatMap(([reason, cases]) =>
    cases.map((c) => ({ reason, ...c })),
  );
  it.each(all)('rejects $name as $reason with a one-line detail', ({ reason, input, ctx }) => {
    const result = validateEvent(input, fakeContext(ctx));
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) {
      expect(result.detail).toMatch(/^[^\n]+$/);
      expect(result.detail.length).toBeLessThanOrEqual(240);
    }
  });

  it('accepts the valid event every case starts from', () => {
    expect(validateEvent(wire(), fakeContext()).ok).toBe(true);
  });
});
