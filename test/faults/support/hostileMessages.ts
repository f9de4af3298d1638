// Hostile upstream messages, generated deterministically, each with the reason the relay must
// refuse it for: broken JSON and encodings, megabyte values, deep nesting, prototype keys,
// impossible numbers and coordinates, markup, unknown kinds and compounds, absurd times. Also
// hostile-looking values the contract allows, which must be counted and shown as text. Pure: the
// test sends them and checks the relay's counts.
import { Buffer } from 'node:buffer';
import { ALARM_SOURCES, KINDS, KIND_INFO, type Kind, type RejectReason, type Source } from '../../../relay/contract/index.ts';
import { COMPOUNDS } from '../../integration/support/events.ts';

export interface HostileMessage {
  /** The topic's source. */
  source: Source;
  value: string | Buffer | null;
  /** Why the relay must refuse it. */
  expect: RejectReason;
}

/** What a category makes for message number i; `now` dates the fields that need a recent time. */
type Maker = (i: number, now: number) => Omit<HostileMessage, 'source'> & { source?: Source };

const KIB = 1024;
/** Megabyte values: below the broker's default 1 MB record limit, far above the relay's 8 KiB. */
const MEGABYTE_VALUE = 1_000_000;

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const sourceOf = (kind: Kind) => KIND_INFO[kind].source;
// The three alarm topics only: the case topics accept times back to their horizon (months), so
// "far past" means something else there.
const SOURCES: readonly Source[] = ALARM_SOURCES;
const ALARM_KINDS = KINDS.filter((kind) => SOURCES.includes(sourceOf(kind)));
const kindOf = (i: number) => pick(ALARM_KINDS, i * 7);

/** A valid event's fields for kind i, with anything overridden or added. */
function fields(i: number, now: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: `hostile-${i}`, ts: now - 2_000, kind: kindOf(i), compoundId: pick(COMPOUNDS, i), ...extra };
}

/** A valid event but for `extra`, on its kind's topic (any topic when the kind is not one). */
function json(i: number, now: number, extra: Record<string, unknown>, reason: RejectReason) {
  const body = fields(i, now, extra);
  const kind = KINDS.find((k) => k === body.kind);
  return { source: kind ? sourceOf(kind) : pick(SOURCES, i), value: JSON.stringify(body), expect: reason };
}

/** Nested arrays `depth` deep around a value. */
const nested = (depth: number, inner = '0') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Markup and script as an attacker would put them in free text; each sets window.__pwned if run. */
export const MARKUP = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '{{constructor.constructor("window.__pwned=1")()}}',
];

const INVALID_JSON = [
  (i: number) => `{"id":"t-${i}","ts":`,
  () => '{"lng": NaN, "lat": 31.24}',
  () => '{"lng": Infinity}',
  () => "{'id': 'single-quoted'}",
  () => '{"id": "trailing",}',
  () => '{"id": "x"} // comment',
  () => '',
  () => '   ',
  () => 'undefined',
  (i: number) => `{"id":"${'\\'.repeat(3)}${i}"}`,
  () => '{"a":1}{"b":2}',
  () => '<event><id>1</id></event>',
];

// Byte sequences no UTF-8 decoder may accept, inside otherwise plausible JSON.
const BAD_BYTES = [
  [0xc0, 0xaf], // overlong '/'
  [0x80], // lone continuation byte
  [0xed, 0xa0, 0x80], // a UTF-16 surrogate encoded as UTF-8
  [0xff, 0xfe],
  [0xe4, 0xb8], // a three-byte character cut short
  [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
];

/** Each category: how many messages, and how to make message i. */
const CATEGORIES: [string, number, Maker][] = [
  ['invalid JSON', 1_000, (i) => ({ source: pick(SOURCES, i), value: pick(INVALID_JSON, i)(i), expect: 'invalid_json' })],
  // Raw control characters: each becomes six in a dead letter's JSON, so letters outgrow originals.
  ['control characters', 500, (i) => ({ source: pick(SOURCES, i), value: '\u0001'.repeat(2_000), expect: 'invalid_json' })],
  [
    'invalid UTF-8',
    600,
    (i) => ({
      source: pick(SOURCES, i),
      value: Buffer.concat([Buffer.from(`{"id":"u-${i}","note":"`), Buffer.from(pick(BAD_BYTES, i)), Buffer.from('"}')]),
      expect: 'bad_encoding',
    }),
  ],
  ['unpaired surrogates', 200, (i, now) => json(i, now, { id: `s-${i}-\ud800` }, 'bad_encoding')],
  [
    'megabyte values',
    10,
    (i, now) => ({
      source: pick(SOURCES, i),
      value: JSON.stringify(fields(i, now, { note: 'x'.repeat(MEGABYTE_VALUE) })).slice(0, MEGABYTE_VALUE),
      expect: 'oversized',
    }),
  ],
  // Big enough that each dead letter carries the full 2,048 characters kept of the original.
  ['oversized values', 1_200, (i, now) => json(i, now, { note: '烟'.repeat(3 * KIB + (i % 4_000)) }, 'oversized')],
  ['deep arrays', 300, (i) => ({ source: pick(SOURCES, i), value: nested(2_000 + (i % 1_000)), expect: 'not_object' })],
  ['deep object in a field', 300, (i, now) => ({ ...json(i, now, {}, 'wrong_type'), value: JSON.stringify(fields(i, now)).replace(/}$/, `,"note":${nestedObject(800)}}`) })],
  ['deep value in an unknown field', 200, (i, now) => ({ ...json(i, now, {}, 'unknown_field'), value: JSON.stringify(fields(i, now)).replace(/}$/, `,"extra":${nested(1_500)}}`) })],
  [
    '__proto__ and constructor keys',
    600,
    (i, now) => ({
      ...json(i, now, {}, 'unknown_field'),
      value: JSON.stringify(fields(i, now)).replace(/^{/, pick(['{"__proto__":{"polluted":"yes"},', '{"constructor":{"prototype":{"polluted":"yes"}},', '{"prototype":{},'], i)),
    }),
  ],
  ['prototype names as values', 300, (i, now) => json(i, now, pick([{ kind: '__proto__' }, { kind: 'constructor' }, { kind: 'toString' }], i), 'unknown_kind')],
  ['prototype names as compounds', 200, (i, now) => json(i, now, { compoundId: pick(['__proto__', 'constructor', 'hasOwnProperty'], i) }, 'unknown_compound')],
  ['infinite coordinates', 300, (i, now) => ({ ...json(i, now, {}, 'bad_coordinates'), value: JSON.stringify(fields(i, now, { compoundId: undefined })).replace(/}$/, ',"lng":1e400,"lat":31.24}') })],
  [
    'out-of-range coordinates',
    500,
    (i, now) => json(i, now, { compoundId: undefined, ...pick([{ lng: 181, lat: 31 }, { lng: 121.4, lat: -90.5 }, { lng: -1e308, lat: 0 }, { lng: 121.4 }], i) }, 'bad_coordinates'),
  ],
  ['coordinates as text', 200, (i, now) => json(i, now, { compoundId: undefined, lng: '121.43', lat: '31.24' }, 'wrong_type')],
  ['coordinates elsewhere', 200, (i, now) => json(i, now, { compoundId: undefined, lng: 0, lat: 0 }, 'outside_area')],
  ['markup in a long note', 300, (i, now) => json(i, now, { note: pick(MARKUP, i).repeat(20) }, 'note_too_long')],
  ['markup as a kind', 200, (i, now) => json(i, now, { kind: pick(MARKUP, i) }, 'unknown_kind')],
  ['markup as a compound', 200, (i, now) => json(i, now, { compoundId: pick(MARKUP, i) }, 'unknown_compound')],
  ['unknown kinds', 400, (i, now) => json(i, now, { kind: pick(['ufo_sighting', 'SMOKE', 'smoke ', '', 'drone'], i) }, 'unknown_kind')],
  [
    'kinds on the wrong topic',
    400,
    (i, now) => {
      const kind = kindOf(i);
      const wrong = SOURCES.find((source) => source !== sourceOf(kind))!;
      return { ...json(i, now, { kind }, 'kind_not_in_topic'), source: wrong };
    },
  ],
  ['unknown compounds', 400, (i, now) => json(i, now, { compoundId: pick(['SQ-C99', 'SQ-C00', 'sq-c01', 'SQ-C01 ', '../../etc/passwd'], i) }, 'unknown_compound')],
  [
    'times far past or future',
    600,
    (i, now) =>
      json(i, now, { ts: pick([0, -1, '1970-01-01T00:00:00Z', '2999-12-31T23:59:59+08:00', now + 3_600_000, now - 400 * 86_400_000, '0001-01-01T00:00:00Z'], i) }, 'ts_out_of_range'),
  ],
  ['impossible times', 400, (i, now) => json(i, now, { ts: pick([1e20, 1.5, '2024-02-30T00:00:00Z', '2024-05-01 12:00', 'yesterday', '+275760-09-13T00:00:00Z'], i) }, 'bad_ts')],
  ['fields of the wrong type', 300, (i, now) => json(i, now, pick([{ id: 42 }, { ts: true }, { note: ['a'] }, { severity: 3 }], i), 'wrong_type')],
  ['bad ids', 300, (i, now) => json(i, now, { id: pick(['', 'x'.repeat(65), 'line\nbreak', 'nul\u0000id'], i) }, 'bad_id')],
  ['tombstones', 100, (i) => ({ source: pick(SOURCES, i), value: null, expect: 'not_object' })],
  ['not objects', 200, (i) => ({ source: pick(SOURCES, i), value: pick(['[1,2,3]', '"event"', '42', 'null', 'true'], i), expect: 'not_object' })],
  ['missing fields', 300, (i, now) => json(i, now, pick([{ id: undefined }, { ts: undefined }, { kind: undefined }], i), pick(['missing_id', 'missing_ts', 'missing_kind'] as const, i))],
];

/** Hostile messages from the categories above, in a fixed order; `count` of each category is as listed. */
export function hostileMessages(now: number): { category: string; message: HostileMessage }[] {
  const all: { category: string; message: HostileMessage }[] = [];
  let serial = 0;
  for (const [category, count, make] of CATEGORIES) {
    for (let n = 0; n < count; n++) {
      const made = make(serial++, now);
      all.push({ category, message: { source: made.source ?? pick(SOURCES, serial), value: made.value, expect: made.expect } });
    }
  }
  return all;
}

/** Values that are hostile yet valid: accepted, counted, and shown as text. */
export function hostileButValid(now: number, count: number): Record<string, unknown>[] {
  const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '<script>window.__pwned=1</script>'];
  return Array.from({ length: count }, (_, i) => {
    // Warning kinds, so the markup reaches the feed a wall shows.
    const kind = pick(['smoke', 'street_vendor', 'theft'] as const, i);
    const id = i < ids.length ? ids[i]! : `markup-${now}-${i}`;
    return { id, ts: now - 3_000, kind, compoundId: pick(COMPOUNDS, i), note: pick(MARKUP, i), deviceId: pick(MARKUP, i + 1).slice(0, 64) };
  });
}
