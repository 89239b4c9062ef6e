import type { CellFamily } from '../isa/primitives.ts';
import type { Instr, Operand, SenseKind } from './program.ts';

// How each cell family turns logic gates into its primitive steps. Every gate writes a fresh bit
// row. MAGIC (FloatPIM): the output is preset to 1, then NOR-ed in place. Sensing families: one
// multi-row sense into the lane latch, then a write of the latch. The complementary SOT cell may
// take any sensed row inverted (the row drives IN's complement), which makes NOT and
// complemented inputs free.

export interface Emitter {
  emit(instr: Instr): void;
  fresh(): number;
}

export interface Lowering {
  readonly family: CellFamily;
  readonly canInvertOperands: boolean;
  readonly hasSearch: boolean;
  readonly usesMagic: boolean;
  /** Emits a gate; `not` of each row is cached by the builder, so lowerings may ask for it freely. */
  gate(kind: GateKind, ins: readonly number[], helpers: GateHelpers): number;
  /** Loads the lane mask from a row (or its complement). */
  maskFrom(row: number, invert: boolean, helpers: GateHelpers): void;
  /** dst := src on masked lanes, dst unchanged elsewhere; `activity` is the expected fraction of masked lanes. */
  maskedCopy(dst: number, src: number, helpers: GateHelpers, activity: number): void;
  /** A full adder, when the family has a better network than MAJ plus XOR3. */
  fullAdd?(a: number, b: number, c: number, helpers: GateHelpers): { sum: number; carry: number };
}

export type GateKind = 'not' | 'and' | 'or' | 'xor' | 'xnor' | 'nor' | 'maj' | 'xor3' | 'mux' | 'copy';

export interface GateHelpers {
  readonly out: Emitter;
  /** The complement of a row, computed once and reused. */
  not(row: number): number;
  /** A row of all ones (written once at the start of the program). */
  readonly one: number;
}

function magicNor(h: GateHelpers, srcs: readonly number[]): number {
  const dst = h.out.fresh();
  h.out.emit({ op: 'preset', dst, value: 1, masked: false });
  h.out.emit({ op: 'nor', dst, srcs, masked: false });
  return dst;
}

/** FloatPIM: everything from MAGIC NOR (full adder: the classic 9-NOR network). */
const magic: Lowering = {
  family: 'reram-magic',
  canInvertOperands: false,
  hasSearch: true,
  usesMagic: true,
  gate(kind, ins, h) {
    const [a, b, c] = ins as [number, number, number];
    switch (kind) {
      case 'not':
        return magicNor(h, [a]);
      case 'nor':
        return magicNor(h, ins);
      case 'or':
        return magicNor(h, [magicNor(h, [a, b])]);
      case 'and':
        return magicNor(h, [h.not(a), h.not(b)]);
      case 'xnor':
      case 'xor': {
        const n1 = magicNor(h, [a, b]);
        const xnor = magicNor(h, [magicNor(h, [a, n1]), magicNor(h, [b, n1])]);
        return kind === 'xnor' ? xnor : magicNor(h, [xnor]);
      }
      case 'maj':
        return magicNor(h, [magicNor(h, [a, b]), magicNor(h, [a, c]), magicNor(h, [b, c])]);
      case 'xor3':
        return this.gate('xor', [this.gate('xor', [a, b], h), c], h);
      case 'mux':
        // s ? x : y = NOR(NOR(x, !s), NOR(y, s))
        return magicNor(h, [magicNor(h, [b, h.not(a)]), magicNor(h, [c, a])]);
      case 'copy':
        return magicNor(h, [h.not(a)]);
    }
  },
  maskFrom(row, invert, h) {
    h.out.emit({ op: 'sense', kind: 'read', srcs: [{ row: invert ? h.not(row) : row, inv: false }], toMask: true });
  },
  maskedCopy(dst, src, h, activity) {
    h.out.emit({ op: 'preset', dst, value: 1, masked: true, activity });
    h.out.emit({ op: 'nor', dst, srcs: [h.not(src)], masked: true, activity });
  },
  fullAdd(a, b, c, h) {
    // Nine NOR gates: n4 = XNOR(a, b); sum = XNOR(n4, c); carry = NOR(NOR(a, b), NOR(n4, c)).
    const n1 = magicNor(h, [a, b]);
    const n4 = magicNor(h, [magicNor(h, [a, n1]), magicNor(h, [b, n1])]);
    const n5 = magicNor(h, [n4, c]);
    const sum = magicNor(h, [magicNor(h, [n4, n5]), magicNor(h, [c, n5])]);
    return { sum, carry: magicNor(h, [n1, n5]) };
  },
};

function senseWrite(h: GateHelpers, kind: SenseKind, srcs: readonly Operand[]): number {
  const dst = h.out.fresh();
  h.out.emit({ op: 'sense', kind, srcs, toMask: false });
  h.out.emit({ op: 'write', dst, masked: false });
  return dst;
}

const plain = (row: number): Operand => ({ row, inv: false });
const inverted = (row: number): Operand => ({ row, inv: true });

/**
 * Sensing families. The full adder of the complementary SOT cell takes 4 steps per bit:
 * carry = MAJ3: rows A, B and Cin active together, every column sensed against one reference
 * between one and two low-resistance cells (the column current counts the ones); written back.
 * sum = XOR3: the same three rows, sensed against three references (between 0|1, 1|2 and 2|3
 * ones), the odd counts giving 1; written back. Cells without XOR3 need two XOR2 steps (6 in all).
 */
function sensing(family: CellFamily, complementary: boolean): Lowering {
  const neg = (row: number, h: GateHelpers): Operand => (complementary ? inverted(row) : plain(h.not(row)));
  const lowering: Lowering = {
    family,
    canInvertOperands: complementary,
    hasSearch: complementary,
    usesMagic: false,
    gate(kind, ins, h) {
      const [a, b, c] = ins as [number, number, number];
      switch (kind) {
        case 'not':
          return complementary ? senseWrite(h, 'read', [inverted(a)]) : senseWrite(h, 'xor2', [plain(a), plain(h.one)]);
        case 'copy':
          return senseWrite(h, 'read', [plain(a)]);
        case 'and':
          return senseWrite(h, 'and2', [plain(a), plain(b)]);
        case 'or':
          return senseWrite(h, 'or2', [plain(a), plain(b)]);
        case 'nor':
          return senseWrite(h, 'and2', ins.map((r) => neg(r, h)));
        case 'xor':
          return senseWrite(h, 'xor2', [plain(a), plain(b)]);
        case 'xnor':
          return senseWrite(h, 'xor2', [plain(a), neg(b, h)]);
        case 'maj':
          return senseWrite(h, 'maj3', [plain(a), plain(b), plain(c)]);
        case 'xor3':
          return complementary ? senseWrite(h, 'xor3', [plain(a), plain(b), plain(c)]) : lowering.gate('xor', [lowering.gate('xor', [a, b], h), c], h);
        case 'mux': {
          const onA = senseWrite(h, 'and2', [plain(a), plain(b)]);
          const onB = senseWrite(h, 'and2', [neg(a, h), plain(c)]);
          return senseWrite(h, 'or2', [plain(onA), plain(onB)]);
        }
      }
    },
    maskFrom(row, invert, h) {
      h.out.emit({ op: 'sense', kind: 'read', srcs: [invert ? neg(row, h) : plain(row)], toMask: true });
    },
    maskedCopy(dst, src, h, activity) {
      h.out.emit({ op: 'sense', kind: 'read', srcs: [plain(src)], toMask: false });
      h.out.emit({ op: 'write', dst, masked: true, activity });
    },
  };
  return lowering;
}

/** Families with in-memory logic; the others (reram, pcram) are modelled as memory only. */
export const LOWERINGS: Readonly<Partial<Record<CellFamily, Lowering>>> = {
  'reram-magic': magic,
  'sot-mram-2t2mtj': sensing('sot-mram-2t2mtj', true),
  'sot-mram-2t1mtj': sensing('sot-mram-2t1mtj', false),
  'stt-mram-1t1mtj': sensing('stt-mram-1t1mtj', false),
};
