// From a message value (bytes from Kafka, a string from the embedded bus, or an object already
// parsed) to an untrusted JSON value, refusing oversized or undecodable input before parsing.
import { reject } from './reasons.ts';

export const MAX_RAW_BYTES = 8 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-8 size of a string, or null if it holds an unpaired surrogate (which has no UTF-8 form).
 * Computed by hand so the size check needs no encoding pass and no Node Buffer.
 */
export function utf8ByteLength(text: string): number | null {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit < 0xd800 || unit > 0xdfff) bytes += 3;
    else if (unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else return null;
  }
  return bytes;
}

function oversized(size: string): never {
  return reject('oversized', `message is ${size} bytes; at most ${MAX_RAW_BYTES} are allowed`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
    return reject('invalid_json', message ?? 'unparsable');
  }
}

/** The JSON value of a message; throws a Rejection for oversized, undecodable or unparsable input. */
export function readRawInput(input: unknown): unknown {
  if (input instanceof Uint8Array) {
    if (input.byteLength > MAX_RAW_BYTES) oversized(String(input.byteLength));
    let text: string;
    try {
      text = utf8.decode(input);
    } catch {
      return reject('bad_encoding', 'message is not valid UTF-8');
    }
    return parseJson(text);
  }
  if (typeof input === 'string') {
    // A UTF-8 byte count is never below the UTF-16 length, so long strings fail without a scan.
    if (input.length > MAX_RAW_BYTES) oversized(`at least ${input.length}`);
    const bytes = utf8ByteLength(input);
    if (bytes === null) return reject('bad_encoding', 'message holds an unpaired UTF-16 surrogate');
    if (bytes > MAX_RAW_BYTES) oversized(String(bytes));
    return parseJson(input);
  }
  return input;
}
