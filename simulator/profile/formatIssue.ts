// A zod issue as the second half of a one-line error: `sensor.totals[0].total must be a
// positive integer`. Leaf schemas carry their own wording (profile/schema.ts); this names the
// field and words the structural issues (missing, unknown, wrong type) zod reports generically.
import type { z } from 'zod';

/** ['sensor', 'kinds', 'theft', 'counts', 2] → 'sensor.kinds.theft.counts[2]'. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out === '' ? String(key) : `${out}.${String(key)}`;
  }, '');
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  object: 'an object',
  array: 'a list',
  string: 'a text',
  number: 'a number',
  boolean: 'true or false',
};

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.map((key) => JSON.stringify(key)).join(', ');
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`;
    }
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      // Leaf schemas set their own message; zod's generic ones start with "Invalid".
      if (!issue.message.startsWith('Invalid')) return issue.message;
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `must be ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`;
    default:
      return issue.message;
  }
}

export function formatIssue(issue: z.core.$ZodIssue): string {
  const path = formatPath(issue.path);
  return `${path === '' ? 'the profile' : path} ${describe(issue)}`;
}
