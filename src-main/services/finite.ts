import { WorkbenchFailure } from '../shared/result.ts';

// Numbers leaving a service must be finite: an overflow or a NaN is the sign of an input far
// outside what the model was built for, and the user should hear which figure gave way, not see
// an internal error about the contract.

/** The path of the first number in `value` that is not finite, or undefined. */
export function firstNonFinite(value: unknown, path = ''): { path: string; value: number } | undefined {
  const found = search(value);
  if (!found) return undefined;
  const rest = found.steps.reverse().map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('');
  return { path: path ? `${path}${rest}` : rest.replace(/^\./, ''), value: found.value };
}

/**
 * The steps to the first non-finite number, innermost first. Steps are collected only on the way
 * out of a find, so the common case (every number finite) allocates nothing per value: outputs
 * carry sweeps of 100,000 points.
 */
function search(value: unknown): { steps: (string | number)[]; value: number } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { steps: [], value };
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = search(value[i]);
      if (found) return (found.steps.push(i), found);
    }
    return undefined;
  }
  for (const key in value) {
    const found = search((value as Record<string, unknown>)[key]);
    if (found) return (found.steps.push(key), found);
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
