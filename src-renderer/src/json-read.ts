// Reading JSON that crosses the contract as `unknown` (an experiment's snapshot and results, which
// older runs may have in an older shape): a missing or mistyped piece reads as empty or null.

export type Json = Record<string, unknown>;

export function obj(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

export function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
