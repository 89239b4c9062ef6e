// The one-step operations a PIM subarray performs on all its lanes at once, and the physical
// access each one is. The array model (sim/array) costs a primitive from its physical descriptor;
// microprograms (sim/arith) are written as sequences of these names.
//
// Lanes: the array computes on every lane in parallel. For cells sensed along bit lines
// (MRAM families) a lane is a column and a "bit row" is a physical row. For FloatPIM's MAGIC
// crossbar, operations run row-parallel: a lane is a row and a "bit row" is a physical column.
// Either way a primitive touches one cell per lane in each bit row it names.

/** How a primitive uses the array, which is all the array model needs to cost it. */
export type PhysicalAccess =
  /** Activate `rows` bit rows together and sense every lane against `references` thresholds; the result lands in the lane latches. */
  | { readonly kind: 'sense'; readonly rows: number; readonly references: number }
  /** Write one bit row from the lane latches (optionally only where a lane mask is set), or a constant when `constant`. */
  | { readonly kind: 'write'; readonly constant: boolean }
  /** MAGIC stateful NOR: `inputs` bit rows drive an initialised output bit row, all inside the array (no sensing). */
  | { readonly kind: 'magic-nor'; readonly inputs: number }
  /** Content search: drive a query on `rows` bit rows and report per lane whether all of them match. */
  | { readonly kind: 'search'; readonly rows: number };

export interface PrimitiveSpec {
  readonly description: string;
  readonly access: PhysicalAccess;
}

/** Word width assumed when a search is costed without a format (bf16's 8 exponent bits plus sign of the difference). */
export const DEFAULT_SEARCH_ROWS = 9;

export const PRIMITIVES = {
  read: { description: 'sense one bit row into the lane latches', access: { kind: 'sense', rows: 1, references: 1 } },
  write: { description: 'write the lane latches (masked or not) into one bit row', access: { kind: 'write', constant: false } },
  preset: { description: 'write a constant into one bit row (MAGIC output initialisation, clearing)', access: { kind: 'write', constant: true } },
  not: { description: 'MAGIC NOT: one input bit row switches an initialised output bit row', access: { kind: 'magic-nor', inputs: 1 } },
  nor2: { description: 'MAGIC NOR of two bit rows into an initialised output bit row', access: { kind: 'magic-nor', inputs: 2 } },
  nor3: { description: 'MAGIC NOR of three bit rows into an initialised output bit row', access: { kind: 'magic-nor', inputs: 3 } },
  and2: { description: 'two-row sense, reference between one and two low-resistance cells', access: { kind: 'sense', rows: 2, references: 1 } },
  or2: { description: 'two-row sense, reference between none and one low-resistance cell', access: { kind: 'sense', rows: 2, references: 1 } },
  xor2: { description: 'two-row sense with two references (exactly one of two)', access: { kind: 'sense', rows: 2, references: 2 } },
  maj3: { description: 'three-row sense, reference between one and two of three', access: { kind: 'sense', rows: 3, references: 1 } },
  xor3: { description: 'three-row sense with three references (odd parity of three)', access: { kind: 'sense', rows: 3, references: 3 } },
  xnor: { description: 'complementary-cell compare: a driven bit per bit row against the stored bit (XNOR)', access: { kind: 'sense', rows: 1, references: 1 } },
  search: { description: 'match a driven query word against every lane at once', access: { kind: 'search', rows: DEFAULT_SEARCH_ROWS } },
} as const satisfies Record<string, PrimitiveSpec>;

export type PrimitiveName = keyof typeof PRIMITIVES;

export const PRIMITIVE_NAMES = Object.keys(PRIMITIVES) as PrimitiveName[];

/** Cell families, each with the primitives its cell and periphery can perform. */
export const CELL_FAMILY_PRIMITIVES = {
  // FloatPIM: MAGIC NOR in the crossbar plus the search periphery it assumes for exponent alignment.
  'reram-magic': ['read', 'write', 'preset', 'not', 'nor2', 'nor3', 'search'],
  // Proposed complementary cell: any active row may be sensed true or complemented (IN or its
  // complement on the row), so multi-row senses double as compare steps; whole-column match in one access.
  'sot-mram-2t2mtj': ['read', 'write', 'preset', 'xnor', 'and2', 'or2', 'xor2', 'maj3', 'xor3', 'search'],
  // One-MTJ cells: logic by multi-row activation against one or two sense references.
  'sot-mram-2t1mtj': ['read', 'write', 'preset', 'and2', 'or2', 'xor2', 'maj3'],
  'stt-mram-1t1mtj': ['read', 'write', 'preset', 'and2', 'or2', 'xor2', 'maj3'],
  // Memories without an in-memory logic family here (NVSim's memristor, PCRAM and SRAM cells):
  // array figures only; a design built on them cannot run the microprograms.
  reram: ['read', 'write', 'preset'],
  pcram: ['read', 'write', 'preset'],
  sram: ['read', 'write', 'preset'],
} as const satisfies Record<string, readonly PrimitiveName[]>;

export type CellFamily = keyof typeof CELL_FAMILY_PRIMITIVES;
