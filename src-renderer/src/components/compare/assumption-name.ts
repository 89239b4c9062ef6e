import { parameterInfo } from '@shared/parameters.ts';

// The paper comparison names an assumption taken from a library value "OWNER: key" (the design or
// cell it belongs to, then the parameter); the page shows the key with its reference entry.

export interface AssumptionName {
  /** The design or cell the value belongs to; null for an assumption of the comparison itself. */
  readonly owner: string | null;
  /** A parameter the Reference page explains, or null. */
  readonly key: string | null;
  readonly text: string;
}

export function splitAssumptionName(name: string): AssumptionName {
  const at = name.lastIndexOf(': ');
  const owner = at > 0 ? name.slice(0, at) : null;
  const key = at > 0 ? name.slice(at + 2) : name;
  return parameterInfo(key) ? { owner, key, text: name } : { owner: null, key: null, text: name };
}
