import type { Instr, Program } from './program.ts';

// The bit-level array: every bit row holds one bit of every lane, 32 lanes to a word, and each
// primitive acts on all lanes at once (bit-sliced). Programs are compiled once into flat
// instruction records so each step is one tight loop over the words of its rows.

export interface ArrayState {
  readonly lanes: number;
  readonly words: number;
  readonly mem: Uint32Array;
  readonly latch: Uint32Array;
  readonly mask: Uint32Array;
}

export function createState(program: Program, lanes: number): ArrayState {
  const words = Math.ceil(lanes / 32);
  return { lanes, words, mem: new Uint32Array(program.rowCount * words), latch: new Uint32Array(words), mask: new Uint32Array(words) };
}

/** Transposes a 32 x 32 bit block in place (row i bit j <-> row j bit i). */
function transpose32(block: Uint32Array): void {
  let m = 0x0000ffff;
  for (let j = 16; j !== 0; j >>>= 1, m ^= m << j) {
    for (let k = 0; k < 32; k = (k + j + 1) & ~j) {
      const t = ((block[k]! >>> j) ^ block[k + j]!) & m;
      block[k + j]! ^= t;
      block[k]! ^= t << j;
    }
  }
}

/** Writes one value per lane into `rows` (bit k of each value into rows[k]), 32 lanes at a time. */
export function loadLanes(state: ArrayState, rows: readonly number[], values: Uint32Array, offset = 0, count = state.lanes): void {
  const { words, mem } = state;
  const block = new Uint32Array(32);
  for (let w = 0; w < words; w += 1) {
    block.fill(0);
    const first = w * 32;
    for (let i = 0; i < 32 && first + i < count; i += 1) block[i] = values[offset + first + i]!;
    transpose32(block);
    for (let k = 0; k < rows.length; k += 1) mem[rows[k]! * words + w] = block[k]!;
  }
}

/** Reads one value per lane from `rows`. */
export function readLanes(state: ArrayState, rows: readonly number[], count = state.lanes): Uint32Array {
  const { words, mem } = state;
  const out = new Uint32Array(count);
  const block = new Uint32Array(32);
  for (let w = 0; w < words; w += 1) {
    block.fill(0);
    for (let k = 0; k < rows.length; k += 1) block[k] = mem[rows[k]! * words + w]!;
    transpose32(block);
    const first = w * 32;
    for (let i = 0; i < 32 && first + i < count; i += 1) out[first + i] = block[i]! >>> 0;
  }
  return out;
}

// Opcodes of compiled steps. Operand inversion is an XOR with all-ones, so senses are branch-free.
const OP = { preset: 0, nor: 1, read: 2, and2: 3, or2: 4, xor2: 5, maj3: 6, xor3: 7, write: 8, search: 9 } as const;

interface Compiled {
  readonly code: Int32Array;
  readonly searches: readonly Extract<Instr, { op: 'search' }>[];
}

const FIELDS = 9;
const compiledCache = new WeakMap<Program, Compiled>();

function compile(program: Program): Compiled {
  const code = new Int32Array(program.instrs.length * FIELDS);
  const searches: Extract<Instr, { op: 'search' }>[] = [];
  program.instrs.forEach((instr, i) => {
    const at = i * FIELDS;
    switch (instr.op) {
      case 'preset':
        code.set([OP.preset, instr.dst, instr.value ? -1 : 0, instr.masked ? 1 : 0], at);
        break;
      case 'nor':
        code.set([OP.nor, instr.dst, instr.masked ? 1 : 0, instr.srcs.length, instr.srcs[0]!, instr.srcs[1] ?? -1, instr.srcs[2] ?? -1], at);
        break;
      case 'write':
        code.set([OP.write, instr.dst, instr.masked ? 1 : 0], at);
        break;
      case 'search':
        code.set([OP.search, searches.length], at);
        searches.push(instr);
        break;
      case 'sense': {
        const [a, b, c] = instr.srcs;
        code.set([OP[instr.kind], instr.toMask ? 1 : 0, a!.row, a!.inv ? -1 : 0, b?.row ?? 0, b?.inv ? -1 : 0, c?.row ?? 0, c?.inv ? -1 : 0], at);
        break;
      }
    }
  });
  return { code, searches };
}

function runPreset(s: ArrayState, dst: number, value: number, masked: boolean): void {
  const { mem, mask, words } = s;
  const base = dst * words;
  if (!masked) mem.fill(value, base, base + words);
  else for (let w = 0; w < words; w += 1) mem[base + w] = (mem[base + w]! & ~mask[w]!) | (value & mask[w]!);
}

function runNor(s: ArrayState, code: Int32Array, at: number): void {
  const { mem, mask, words } = s;
  const d = code[at + 1]! * words;
  const a = code[at + 4]! * words;
  const arity = code[at + 3]!;
  const b = arity > 1 ? code[at + 5]! * words : a;
  const c = arity > 2 ? code[at + 6]! * words : a;
  if (code[at + 2] === 1) {
    for (let w = 0; w < words; w += 1) mem[d + w]! &= ~((mem[a + w]! | mem[b + w]! | mem[c + w]!) & mask[w]!);
  } else if (arity === 1) {
    for (let w = 0; w < words; w += 1) mem[d + w]! &= ~mem[a + w]!;
  } else {
    // Repeating a source for the missing inputs keeps one loop for NOR2 and NOR3.
    for (let w = 0; w < words; w += 1) mem[d + w]! &= ~(mem[a + w]! | mem[b + w]! | mem[c + w]!);
  }
}

function runSense(s: ArrayState, code: Int32Array, at: number): void {
  const { mem, words } = s;
  const t = code[at + 1] === 1 ? s.mask : s.latch;
  const a = code[at + 2]! * words;
  const ia = code[at + 3]!;
  const b = code[at + 4]! * words;
  const ib = code[at + 5]!;
  const c = code[at + 6]! * words;
  const ic = code[at + 7]!;
  switch (code[at]) {
    case OP.read:
      for (let w = 0; w < words; w += 1) t[w] = mem[a + w]! ^ ia;
      break;
    case OP.and2:
      for (let w = 0; w < words; w += 1) t[w] = (mem[a + w]! ^ ia) & (mem[b + w]! ^ ib);
      break;
    case OP.or2:
      for (let w = 0; w < words; w += 1) t[w] = (mem[a + w]! ^ ia) | (mem[b + w]! ^ ib);
      break;
    case OP.xor2:
      for (let w = 0; w < words; w += 1) t[w] = mem[a + w]! ^ ia ^ mem[b + w]! ^ ib;
      break;
    case OP.maj3:
      for (let w = 0; w < words; w += 1) {
        const x = mem[a + w]! ^ ia;
        const y = mem[b + w]! ^ ib;
        const z = mem[c + w]! ^ ic;
        t[w] = (x & y) | (z & (x | y));
      }
      break;
    case OP.xor3:
      for (let w = 0; w < words; w += 1) t[w] = mem[a + w]! ^ ia ^ mem[b + w]! ^ ib ^ mem[c + w]! ^ ic;
      break;
  }
}

function runWrite(s: ArrayState, dst: number, masked: boolean): void {
  const { mem, latch, mask, words } = s;
  const base = dst * words;
  if (!masked) mem.set(latch, base);
  else for (let w = 0; w < words; w += 1) mem[base + w] = (mem[base + w]! & ~mask[w]!) | (latch[w]! & mask[w]!);
}

function runSearch(s: ArrayState, instr: Extract<Instr, { op: 'search' }>): void {
  const { mem, words, mask } = s;
  mask.fill(0xffffffff);
  instr.rows.forEach((row, i) => {
    const base = row * words;
    const flip = instr.query[i] ? 0 : 0xffffffff;
    for (let w = 0; w < words; w += 1) mask[w]! &= mem[base + w]! ^ flip;
  });
}

/**
 * Random bit errors injected after steps. The engine only says where a step's result landed and
 * which lanes it drove; the hook (built in sim/reliability) decides which of those bits flip.
 */
export interface FaultHook {
  /** Flip probability of each step of the program, by step index; steps at 0 run untouched at no cost. */
  readonly probabilities: ArrayLike<number>;
  /**
   * Called after step `step` ran with a nonzero probability: flips bits of the lanes below `lanes`
   * in `bits[offset ..]` (one bit per lane, 32 lanes a word), only on lanes set in `driven` when
   * given, because a masked step leaves the other lanes' cells alone. `drivenLanes` counts them
   * (`lanes` when every lane is driven).
   */
  flip(step: number, bits: Uint32Array, offset: number, lanes: number, driven: Uint32Array | undefined, drivenLanes: number): void;
}

function runStep(state: ArrayState, code: Int32Array, at: number, searches: Compiled['searches']): void {
  const op = code[at]!;
  if (op === OP.preset) runPreset(state, code[at + 1]!, code[at + 2]!, code[at + 3] === 1);
  else if (op === OP.nor) runNor(state, code, at);
  else if (op === OP.write) runWrite(state, code[at + 1]!, code[at + 2] === 1);
  else if (op === OP.search) runSearch(state, searches[code[at + 1]!]!);
  else runSense(state, code, at);
}

function compiledOf(program: Program): Compiled {
  let compiled = compiledCache.get(program);
  if (!compiled) {
    compiled = compile(program);
    compiledCache.set(program, compiled);
  }
  return compiled;
}

/** Runs every step of the program on every lane; with `faults`, each step's output may then flip. */
export function run(state: ArrayState, program: Program, faults?: FaultHook): void {
  const compiled = compiledOf(program);
  if (faults) {
    runWithFaults(state, compiled, faults);
    return;
  }
  const { code, searches } = compiled;
  // The fault-free loop stays free of fault checks: it is the engine's hot path.
  for (let at = 0; at < code.length; at += FIELDS) runStep(state, code, at, searches);
}

function runWithFaults(state: ArrayState, { code, searches }: Compiled, faults: FaultHook): void {
  if (faults.probabilities.length * FIELDS !== code.length) {
    throw new RangeError(`fault hook has ${faults.probabilities.length} step probabilities for a program of ${code.length / FIELDS} steps`);
  }
  // Masked steps between two writes of the mask drive the same lanes: they are counted once.
  let maskLanes = -1;
  for (let at = 0, step = 0; at < code.length; at += FIELDS, step += 1) {
    runStep(state, code, at, searches);
    if (writesMask(code, at)) maskLanes = -1;
    if (faults.probabilities[step]! > 0) maskLanes = flipOutput(state, code, at, step, faults, maskLanes);
  }
}

/** A search, or a sense into the mask register (field 1 of a sense is its toMask flag). */
function writesMask(code: Int32Array, at: number): boolean {
  const op = code[at]!;
  return op === OP.search || (op !== OP.preset && op !== OP.nor && op !== OP.write && code[at + 1] === 1);
}

/** Lanes set in a mask register, padding lanes of the last word excluded (SWAR popcount). */
function countLanes(mask: Uint32Array, lanes: number): number {
  let total = 0;
  const full = lanes >>> 5;
  for (let w = 0; w <= full && w < mask.length; w += 1) {
    let x = w < full ? mask[w]! : mask[w]! & ((1 << (lanes & 31)) - 1);
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    total += Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return total;
}

/**
 * Where a step's result lands and which lanes it drives: presets, MAGIC NORs and writes change a
 * bit row (masked ones only on masked lanes); senses set every lane's latch or mask register, and a
 * search every lane's mask. Returns the masked lanes, counted if this step needed them.
 */
function flipOutput(s: ArrayState, code: Int32Array, at: number, step: number, faults: FaultHook, maskLanes: number): number {
  const op = code[at]!;
  if (op === OP.preset || op === OP.nor || op === OP.write) {
    const offset = code[at + 1]! * s.words;
    if (code[at + (op === OP.preset ? 3 : 2)] !== 1) {
      faults.flip(step, s.mem, offset, s.lanes, undefined, s.lanes);
      return maskLanes;
    }
    const driven = maskLanes >= 0 ? maskLanes : countLanes(s.mask, s.lanes);
    faults.flip(step, s.mem, offset, s.lanes, s.mask, driven);
    return driven;
  }
  faults.flip(step, op === OP.search || code[at + 1] === 1 ? s.mask : s.latch, 0, s.lanes, undefined, s.lanes);
  return maskLanes;
}
