// What every check returns: one defect, located by file and (when it has one) feature id.

export interface Problem {
  file: string;
  /** The feature's id, or `features[i]` when it has none. */
  id?: string;
  message: string;
}

/** `compounds.geojson: SQ-C12 overlaps SQ-C13 (340 m²)` */
export function formatProblem({ file, id, message }: Problem): string {
  return id === undefined ? `${file}: ${message}` : `${file}: ${id} ${message}`;
}

/** The id property when it is a non-empty string. */
export function idOf(feature: { properties: unknown }): string | undefined {
  const props = feature.properties as { id?: unknown } | null;
  return typeof props?.id === 'string' && props.id !== '' ? props.id : undefined;
}

/** How a message names a feature: its id, else its position in the file. */
export function labelOf(feature: { properties: unknown }, index: number): string {
  return idOf(feature) ?? `features[${index}]`;
}
