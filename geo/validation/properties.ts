// Missing or mistyped feature properties, per geo/schema.ts.
import type { z } from 'zod';
import { PACK_FILES, type GeoPack, type PackFileKey } from '../schema.ts';
import { labelOf, type Problem } from './problem.ts';
import { PROPERTY_SCHEMAS } from './propertySchemas.ts';

function describeIssue(issue: z.core.$ZodIssue, props: Record<string, unknown>): string {
  const name = issue.path.join('.');
  if (issue.path.length === 1 && !(String(issue.path[0]) in props)) return `is missing property ${name}`;
  return `has property ${name} = ${JSON.stringify(issue.input)}: ${issue.message}`;
}

export function checkProperties(pack: GeoPack): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(PACK_FILES) as PackFileKey[]) {
    const schema = PROPERTY_SCHEMAS[key];
    pack[key].features.forEach((feature, index) => {
      const props = feature.properties as unknown as Record<string, unknown>;
      const result = schema.safeParse(props, { reportInput: true });
      for (const issue of result.error?.issues ?? []) {
        const message = describeIssue(issue, props);
        problems.push({ file: PACK_FILES[key], id: labelOf(feature, index), message });
      }
    });
  }
  return problems;
}
