import type { CellFamily } from '../isa/primitives.ts';
import { createState, loadLanes, readLanes, run } from './engine.ts';
import type { ArithMode, FloatFormat } from './formats.ts';
import { microprogram } from './programs.ts';
import { countSteps, type StepCounts } from './program.ts';

// Runs FP add or multiply on the bit-level array: operands are loaded lane by lane, the
// microprogram executes on all lanes at once, and results are read back. Nothing here computes the
// answer in JavaScript arithmetic: the microprogram does.

export interface FpRequest {
  readonly family: CellFamily;
  readonly op: 'add' | 'mul';
  readonly format: FloatFormat;
  readonly mode: ArithMode;
  readonly a: Uint32Array;
  readonly b: Uint32Array;
  /** Lanes per array pass (the array's parallelism); defaults to 8192. */
  readonly lanes?: number;
}

export interface FpResult {
  readonly z: Uint32Array;
  /** Steps of one pass (every lane in parallel). */
  readonly steps: StepCounts;
  readonly lanes: number;
  readonly passes: number;
}

export function executeFp(request: FpRequest): FpResult {
  const program = microprogram(request.family, request.op === 'add' ? 'fpAdd' : 'fpMul', request.format, request.mode);
  const lanes = Math.max(1, Math.min(request.lanes ?? 8192, request.a.length || 1));
  const state = createState(program, lanes);
  const z = new Uint32Array(request.a.length);
  const [aRows, bRows, out] = [program.inputs.a!, program.inputs.b!, program.outputs.out!];
  let passes = 0;
  for (let offset = 0; offset < request.a.length; offset += lanes) {
    const count = Math.min(lanes, request.a.length - offset);
    loadLanes(state, aRows, request.a, offset, count);
    loadLanes(state, bRows, request.b, offset, count);
    run(state, program);
    z.set(readLanes(state, out, count), offset);
    passes += 1;
  }
  return { z, steps: countSteps(program), lanes, passes };
}
