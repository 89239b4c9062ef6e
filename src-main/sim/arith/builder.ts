import type { CellFamily } from '../isa/primitives.ts';
import type { Instr, Program } from './program.ts';
import { LOWERINGS, type GateHelpers, type GateKind, type Lowering } from './lowering.ts';

// Builds a microprogram from logic on bit rows ("wires" that hold one bit per lane). Gates are
// lowered to the cell family's primitives as they are emitted; gates with constant inputs are
// folded at build time, as a microprogram compiler would, so constants cost no steps.

export type Row = number;

export class Builder {
  readonly lowering: Lowering;
  readonly zero: Row;
  readonly one: Row;
  private readonly instrs: Instr[] = [];
  private rowCount = 0;
  private readonly notCache = new Map<Row, Row>();
  private readonly inputs: Record<string, Row[]> = {};
  private readonly outputs: Record<string, Row[]> = {};
  private readonly helpers: GateHelpers;

  constructor(family: CellFamily) {
    const lowering = LOWERINGS[family];
    if (!lowering) throw new Error(`${family} has no in-memory logic`);
    this.lowering = lowering;
    this.zero = this.fresh();
    this.one = this.fresh();
    this.instrs.push({ op: 'preset', dst: this.zero, value: 0, masked: false }, { op: 'preset', dst: this.one, value: 1, masked: false });
    this.notCache.set(this.zero, this.one).set(this.one, this.zero);
    this.helpers = { out: { emit: (i) => this.instrs.push(i), fresh: () => this.fresh() }, not: (r) => this.not(r), one: this.one };
  }

  private fresh(): Row {
    return this.rowCount++;
  }

  input(name: string, bits: number): Row[] {
    const rows = Array.from({ length: bits }, () => this.fresh());
    this.inputs[name] = rows;
    return rows;
  }

  output(name: string, rows: readonly Row[]): void {
    this.outputs[name] = [...rows];
  }

  program(): Program {
    return { instrs: this.withoutUnusedConstants(), rowCount: this.rowCount, inputs: this.inputs, outputs: this.outputs };
  }

  /** The two constant rows are written only if some step or output reads them. */
  private withoutUnusedConstants(): Instr[] {
    const used = new Set<Row>();
    for (const instr of this.instrs.slice(2)) {
      if (instr.op === 'nor') instr.srcs.forEach((r) => used.add(r));
      if (instr.op === 'sense') instr.srcs.forEach((o) => used.add(o.row));
      if (instr.op === 'search') instr.rows.forEach((r) => used.add(r));
    }
    for (const rows of Object.values(this.outputs)) rows.forEach((r) => used.add(r));
    return this.instrs.filter((instr, i) => i >= 2 || (instr.op === 'preset' && used.has(instr.dst)));
  }

  get steps(): number {
    return this.instrs.length;
  }

  private gate(kind: GateKind, ins: readonly Row[]): Row {
    return this.lowering.gate(kind, ins, this.helpers);
  }

  not(a: Row): Row {
    const cached = this.notCache.get(a);
    if (cached !== undefined) return cached;
    const n = this.gate('not', [a]);
    this.notCache.set(a, n).set(n, a);
    return n;
  }

  and(a: Row, b: Row): Row {
    if (a === this.zero || b === this.zero) return this.zero;
    if (a === this.one) return b;
    if (b === this.one || a === b) return a;
    return this.gate('and', [a, b]);
  }

  or(a: Row, b: Row): Row {
    if (a === this.one || b === this.one) return this.one;
    if (a === this.zero) return b;
    if (b === this.zero || a === b) return a;
    return this.gate('or', [a, b]);
  }

  xor(a: Row, b: Row): Row {
    if (a === b) return this.zero;
    if (a === this.zero) return b;
    if (b === this.zero) return a;
    if (a === this.one) return this.not(b);
    if (b === this.one) return this.not(a);
    return this.gate('xor', [a, b]);
  }

  xnor(a: Row, b: Row): Row {
    if (a === this.zero || a === this.one || b === this.zero || b === this.one || a === b) return this.not(this.xor(a, b));
    return this.gate('xnor', [a, b]);
  }

  maj(a: Row, b: Row, c: Row): Row {
    if (a === this.zero) return this.and(b, c);
    if (b === this.zero) return this.and(a, c);
    if (c === this.zero) return this.and(a, b);
    if (a === this.one) return this.or(b, c);
    if (b === this.one) return this.or(a, c);
    if (c === this.one) return this.or(a, b);
    return this.gate('maj', [a, b, c]);
  }

  /** s ? a : b */
  mux(s: Row, a: Row, b: Row): Row {
    if (s === this.one || a === b) return a;
    if (s === this.zero) return b;
    if (a === this.one && b === this.zero) return s;
    if (a === this.zero && b === this.one) return this.not(s);
    if (b === this.zero) return this.and(s, a);
    if (a === this.zero) return this.and(this.not(s), b);
    return this.gate('mux', [s, a, b]);
  }

  fullAdd(a: Row, b: Row, c: Row): { sum: Row; carry: Row } {
    const consts = [a, b, c].filter((r) => r === this.zero || r === this.one).length;
    if (consts > 0) return { sum: this.xor(this.xor(a, b), c), carry: this.maj(a, b, c) };
    if (this.lowering.fullAdd) return this.lowering.fullAdd(a, b, c, this.helpers);
    return { sum: this.gate('xor3', [a, b, c]), carry: this.gate('maj', [a, b, c]) };
  }

  copy(a: Row): Row {
    return a === this.zero || a === this.one ? a : this.gate('copy', [a]);
  }

  /** Loads the lane mask from a row; a constant row gives all or no lanes. */
  maskFrom(row: Row, invert = false): void {
    this.lowering.maskFrom(row, invert, this.helpers);
  }

  /** Mask := lanes whose rows equal the constant query (families with a search periphery). */
  searchMask(rows: readonly Row[], query: readonly (0 | 1)[]): void {
    if (!this.lowering.hasSearch) throw new Error(`${this.lowering.family} has no search primitive`);
    this.instrs.push({ op: 'search', rows, query });
  }

  /**
   * dst := src on masked lanes. dst must be a row this program owns (not a shared constant).
   * `activity` is the expected fraction of lanes in the mask: assumption: one half for a select
   * bit of random data; callers that know better (one amount of many) pass it.
   */
  maskedCopy(dst: Row, src: Row, activity = 0.5): void {
    if (dst === this.zero || dst === this.one) throw new Error('cannot overwrite a constant row');
    const partner = this.notCache.get(dst);
    this.notCache.delete(dst);
    if (partner !== undefined) this.notCache.delete(partner);
    this.lowering.maskedCopy(dst, src, this.helpers, activity);
  }

  /** A private, writable copy of a row (constants get a fresh row too). */
  own(a: Row): Row {
    if (a !== this.zero && a !== this.one) return this.gate('copy', [a]);
    const dst = this.fresh();
    this.instrs.push({ op: 'preset', dst, value: a === this.one ? 1 : 0, masked: false });
    return dst;
  }
}
