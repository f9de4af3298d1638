// A JSON value split into its shape (keys, array lengths, strings) and its numbers, laid out in
// a flat vector: the history keeps one shape for many views and only the numbers per view, as
// the differences from the view before (numberDiff.ts). null is a number slot holding NaN, so a
// figure that is sometimes null (a rate, a time) keeps its place. Pure.

type ShapeNode =
  | { kind: 'slot'; index: number }
  /** An array of numbers (a heat grid, hourly counts): a run of slots, walked in a plain loop. */
  | { kind: 'numbers'; start: number; length: number }
  | { kind: 'constant'; value: string | boolean }
  | { kind: 'array'; items: ShapeNode[] }
  | { kind: 'object'; keys: string[]; values: ShapeNode[] };

export interface JsonShape {
  readonly root: ShapeNode;
  /** Length of the number vector. */
  readonly slots: number;
}

const isNumber = (value: unknown): value is number | null => value === null || typeof value === 'number';

/** The shape of a JSON value (numbers and nulls become slots, in walk order). */
export function shapeOf(value: unknown): JsonShape {
  let slots = 0;
  const walk = (node: unknown): ShapeNode => {
    if (isNumber(node)) return { kind: 'slot', index: slots++ };
    if (typeof node === 'string' || typeof node === 'boolean') return { kind: 'constant', value: node };
    if (Array.isArray(node) && node.length > 0 && node.every(isNumber)) {
      const start = slots;
      slots += node.length;
      return { kind: 'numbers', start, length: node.length };
    }
    if (Array.isArray(node)) return { kind: 'array', items: node.map(walk) };
    if (typeof node === 'object') {
      const keys = Object.keys(node);
      return { kind: 'object', keys, values: keys.map((key) => walk((node as Record<string, unknown>)[key])) };
    }
    throw new Error(`json shape: ${typeof node} is not JSON`);
  };
  const root = walk(value);
  return { root, slots };
}

function fill(node: ShapeNode, value: unknown, into: Float64Array): boolean {
  switch (node.kind) {
    case 'slot':
      if (!isNumber(value)) return false;
      into[node.index] = value ?? NaN;
      return true;
    case 'numbers': {
      if (!Array.isArray(value) || value.length !== node.length) return false;
      for (let i = 0; i < node.length; i++) {
        const number: unknown = value[i];
        if (!isNumber(number)) return false;
        into[node.start + i] = number ?? NaN;
      }
      return true;
    }
    case 'constant':
      return value === node.value;
    case 'array':
      return Array.isArray(value) && value.length === node.items.length && node.items.every((item, i) => fill(item, value[i], into));
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const record = value as Record<string, unknown>;
      if (Object.keys(record).length !== node.keys.length) return false;
      return node.keys.every((key, i) => key in record && fill(node.values[i]!, record[key], into));
    }
  }
}

/** Writes the value's numbers into `into`; false when the value does not have this shape. */
export function numbersOf(shape: JsonShape, value: unknown, into: Float64Array): boolean {
  return into.length === shape.slots && fill(shape.root, value, into);
}

const valueOf = (number: number) => (Number.isNaN(number) ? null : number);

function build(node: ShapeNode, numbers: Float64Array): unknown {
  switch (node.kind) {
    case 'slot':
      return valueOf(numbers[node.index]!);
    case 'numbers': {
      const values = new Array<number | null>(node.length);
      for (let i = 0; i < node.length; i++) values[i] = valueOf(numbers[node.start + i]!);
      return values;
    }
    case 'constant':
      return node.value;
    case 'array':
      return node.items.map((item) => build(item, numbers));
    case 'object': {
      const record: Record<string, unknown> = {};
      node.keys.forEach((key, i) => (record[key] = build(node.values[i]!, numbers)));
      return record;
    }
  }
}

/** The value of this shape holding these numbers. */
export function fromNumbers(shape: JsonShape, numbers: Float64Array): unknown {
  return build(shape.root, numbers);
}
