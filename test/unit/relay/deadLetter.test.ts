import { describe, expect, it } from 'vitest';
import { DEAD_LETTER_VALUE_CHARS, deadLetterOf, type DeadLetterBody } from '../../../relay/ingest/deadLetter.ts';
import type { IngestRecord } from '../../../relay/ingest/record.ts';

const record = (value: IngestRecord['value'], timestamp = Date.parse('2024-05-01T04:00:00Z')): IngestRecord => ({
  topic: 'shiquan.sensor',
  partition: 2,
  offset: '12345678901234',
  timestamp,
  value,
});

const body = (value: IngestRecord['value'], timestamp?: number) =>
  JSON.parse(deadLetterOf(record(value, timestamp), 'invalid_json', 'Unexpected end of JSON input').value) as DeadLetterBody;

describe('a dead letter', () => {
  it('says why, where the message came from, and what it held', () => {
    const letter = deadLetterOf(record(Buffer.from('{"id":')), 'invalid_json', 'Unexpected end of JSON input');
    expect(letter.key).toBe('shiquan.sensor:2:12345678901234');
    expect(JSON.parse(letter.value)).toEqual({
      reason: 'invalid_json',
      detail: 'Unexpected end of JSON input',
      topic: 'shiquan.sensor',
      partition: 2,
      offset: '12345678901234',
      timestamp: '2024-05-01T04:00:00.000Z',
      value: '{"id":',
      valueEncoding: 'utf8',
      valueSize: 6,
      truncated: false,
    });
  });

  it('cuts a huge value short but gives its full size', () => {
    const letter = body(Buffer.from('楼'.repeat(5_000)));
    expect(letter.value).toHaveLength(DEAD_LETTER_VALUE_CHARS);
    expect(letter.truncated).toBe(true);
    expect(letter.valueSize).toBe(15_000);
  });

  it('keeps bytes that are not UTF-8 as base64', () => {
    const letter = body(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(letter).toMatchObject({ value: 'e//+fQ==', valueEncoding: 'base64', valueSize: 4 });
  });

  it('records a tombstone as a null value', () => {
    expect(body(null)).toMatchObject({ value: null, valueSize: 0, truncated: false });
  });

  it('survives a timestamp no date can hold', () => {
    expect(body('{}', 9.2e18).timestamp).toBeNull();
    expect(body('{}', Number.NaN).timestamp).toBeNull();
  });
});
