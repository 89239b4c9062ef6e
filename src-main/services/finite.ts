import { WorkbenchFailure } from '../shared/result.ts';

// Numbers leaving a service must be finite: an overflow or a NaN is the sign of an input far
// outside what the model was built for, and the user should hear which figure gave way, not see
// an internal error about the contract.

/** The path of the first number in `value` that is not finite, or undefined. */
export function firstNonFinite(value: unknown, path = ''): { path: string; value: number } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path, value };
  if (value === null || typeof value !== 'object') return undefined;
  const entries = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v] as const) : Object.entries(value).map(([k, v]) => [path ? `.${k}` : k, v] as const);
  for (const [key, child] of entries) {
    const found = firstNonFinite(child, `${path}${key}`);
    if (found) return found;
  }
  return undefined;
}

export function assertFiniteOutput(channel: string, value: unknown): void {
  const bad = firstNonFinite(value);
  if (!bad) return;
  throw new WorkbenchFailure('invalid_input', `${channel}: the result overflows (${bad.path || 'the result'} is ${bad.value}); the inputs are beyond what the model covers, check their sizes and units`, [
    { path: bad.path, message: `is ${bad.value}` },
  ]);
}
