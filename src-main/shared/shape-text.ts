// A tensor shape as people type it (`1x3x224x224`, `1,3,224,224`): the CLI's --input flag and the
// Workloads page's input-shape field read it the same way.
import { MAX_CHANNELS } from './schemas/workload.ts';

/** Fewest and most dimensions of a network input, batch first: [batch, features] to [batch, channels, depth, height, width, extra]. */
export const INPUT_SHAPE_MIN_DIMS = 2;
export const INPUT_SHAPE_MAX_DIMS = 6;
/** Largest single dimension: the cap on channels (2^20), which is above the cap on an image side too. */
export const INPUT_SHAPE_MAX_DIM = MAX_CHANNELS;

export const SHAPE_EXAMPLE = '1x3x224x224';

export type ShapeParse = { readonly ok: true; readonly shape: number[] } | { readonly ok: false; readonly message: string };

function separatorOf(text: string): RegExp | undefined {
  const crosses = /[x×]/i.test(text);
  const commas = text.includes(',');
  if (crosses && commas) return undefined;
  return commas ? /,/ : /[x×]/i;
}

/** Reads `AxBxCxD` or `A,B,C,D` (spaces allowed around the numbers); a refusal is a predicate to put after the shape or the field's name. */
export function parseShapeText(text: string): ShapeParse {
  const usage = `give ${INPUT_SHAPE_MIN_DIMS} to ${INPUT_SHAPE_MAX_DIMS} whole numbers, batch first, joined by x or commas (e.g. ${SHAPE_EXAMPLE})`;
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `is empty; ${usage}` };
  const separator = separatorOf(trimmed);
  if (!separator) return { ok: false, message: `mixes x and commas; ${usage}` };
  const parts = trimmed.split(separator).map((p) => p.trim());
  if (parts.length < INPUT_SHAPE_MIN_DIMS || parts.length > INPUT_SHAPE_MAX_DIMS) return { ok: false, message: `has ${parts.length} dimension${parts.length === 1 ? '' : 's'}; ${usage}` };
  const bad = parts.find((p) => !/^[1-9]\d*$/.test(p));
  if (bad === '') return { ok: false, message: `has an empty dimension; ${usage}` };
  if (bad !== undefined) return { ok: false, message: `has "${bad.slice(0, 20)}", which is not a positive whole number; ${usage}` };
  const shape = parts.map(Number);
  const huge = shape.find((n) => n > INPUT_SHAPE_MAX_DIM);
  if (huge !== undefined) return { ok: false, message: `has ${huge}, larger than ${INPUT_SHAPE_MAX_DIM} (2^20), the largest dimension the workbench takes` };
  return { ok: true, shape };
}

export function formatShape(shape: readonly number[]): string {
  return shape.join('x');
}
