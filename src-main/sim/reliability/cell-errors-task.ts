import type { CellParams } from '../cells/params.ts';
import { CELL_FAMILY_PRIMITIVES, type PrimitiveName } from '../isa/primitives.ts';
import { primitiveErrors, type PrimitiveError } from './error-probability.ts';

// A cell's per-primitive error probabilities as a worker task: the convolutions take tens of
// milliseconds, too long for the thread that answers the window.

export const CELL_ERRORS_TASK = 'reliability.cellErrors';

/** Primitives every memory has; a family with nothing else runs no microprogram, so it has no error figures. */
const STORAGE_PRIMITIVES: ReadonlySet<PrimitiveName> = new Set(['read', 'write', 'preset']);

export function cellErrorsTask(raw: unknown): Record<string, PrimitiveError> | null {
  const cell = raw as CellParams;
  if (CELL_FAMILY_PRIMITIVES[cell.family].every((p) => STORAGE_PRIMITIVES.has(p))) return null;
  const errors: Record<string, PrimitiveError> = {};
  for (const [name, error] of Object.entries(primitiveErrors(cell))) if (error) errors[name] = { probability: error.probability, basis: error.basis };
  return errors;
}
