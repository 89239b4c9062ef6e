// Every number the workbench ships or stores carries its unit and where it came from.

/** A value with its unit (see units.ts) and its source: a citation, or "assumption: <why>". */
export interface Sourced<T = number> {
  readonly value: T;
  readonly unit: string;
  readonly source: string;
}

export const ASSUMPTION_PREFIX = 'assumption:';

export type Provenance = 'cited' | 'assumption' | 'missing';

/** Classifies a source text; an assumption must give its reason after the prefix. */
export function provenanceOf(source: string): Provenance {
  const text = source.trim();
  if (text === '') return 'missing';
  if (text.toLowerCase().startsWith(ASSUMPTION_PREFIX)) {
    return text.length > ASSUMPTION_PREFIX.length ? 'assumption' : 'missing';
  }
  return 'cited';
}
