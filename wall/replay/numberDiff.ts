// The difference between two number vectors of one shape, packed in bytes: only the slots that
// changed, each as the gap from the previous changed slot and the change itself. Counts, times
// and heat levels move by small whole steps, so most entries take two or three bytes; any other
// change (a rate, a figure becoming null) is written whole as a float64. Pure.
//
// Entry: varint(gap × 2 + whole), then varint(zigzag(next − previous)) or 8 bytes of float64.

const float = new Float64Array(1);
const floatBytes = new Uint8Array(float.buffer);

/** Bytes of a diff where nothing changed; shared. */
export const NO_CHANGE = new Uint8Array(0);

class ByteWriter {
  private bytes = new Uint8Array(4096);
  length = 0;

  private room(count: number): void {
    if (this.length + count <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + count));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  varint(value: number): void {
    this.room(8);
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.bytes[this.length++] = rest;
  }

  float64(value: number): void {
    this.room(8);
    float[0] = value;
    this.bytes.set(floatBytes, this.length);
    this.length += 8;
  }

  /** A copy of what was written, and the writer emptied for the next diff. */
  take(): Uint8Array {
    const taken = this.length === 0 ? NO_CHANGE : this.bytes.slice(0, this.length);
    this.length = 0;
    return taken;
  }
}

const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));
const zigzag = (step: number) => (step >= 0 ? step * 2 : -step * 2 - 1);
const unzigzag = (code: number) => (code % 2 === 0 ? code / 2 : -(code + 1) / 2);

export class NumberDiffer {
  private readonly writer = new ByteWriter();

  /** The diff that turns `from` into `to` (vectors of the same length). */
  diff(from: Float64Array, to: Float64Array): Uint8Array {
    let last = -1;
    for (let i = 0; i < to.length; i++) {
      const previous = from[i]!;
      const next = to[i]!;
      if (same(previous, next)) continue;
      const step = next - previous;
      const whole = !(Number.isSafeInteger(previous) && Number.isSafeInteger(next) && Number.isSafeInteger(step));
      this.writer.varint((i - last - 1) * 2 + (whole ? 1 : 0));
      if (whole) this.writer.float64(next);
      else this.writer.varint(zigzag(step));
      last = i;
    }
    return this.writer.take();
  }
}

/** Applies a diff made by NumberDiffer to the vector it was made from, in place. */
export function applyNumberDiff(numbers: Float64Array, diff: Uint8Array): void {
  let at = 0;
  const varint = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = diff[at++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  };
  let slot = -1;
  while (at < diff.length) {
    const head = varint();
    slot += Math.floor(head / 2) + 1;
    if (head % 2 === 1) {
      floatBytes.set(diff.subarray(at, at + 8));
      at += 8;
      numbers[slot] = float[0]!;
    } else {
      numbers[slot] = numbers[slot]! + unzigzag(varint());
    }
  }
}
