import type { Issue } from '../../shared/result.ts';
import { ARITH_MODES, FORMATS, type ArithMode } from '../arith/formats.ts';
import { readValues, type ChoiceSpec, type LibraryValue, type NumberSpec } from '../params/read-values.ts';
import { SUPPORTED_NODES_NM } from '../tech/nodes.ts';

// An accelerator design as a library stores it (kind "architecture": key, value, unit, source) and
// as the model uses it: chip -> tiles -> blocks -> subarrays of rows x cols cells, a power
// envelope, block-to-block transfers, a controller, and the FP format of each training phase.

export type FormatName = keyof typeof FORMATS & string;
export const INIT_POLICIES = ['per-gate', 'bulk'] as const;
export type InitPolicy = (typeof INIT_POLICIES)[number];
/**
 * How writes are spread over a lane's cells: `none`, the hottest scratch row takes all its writes;
 * `rotate`, the region the microprograms use moves across the lane's cells over time (FloatPIM
 * rotates its processing columns over the block); `spread`, a user-set factor.
 */
export const WEAR_LEVELLING = ['none', 'rotate', 'spread'] as const;
export type WearLevelling = (typeof WEAR_LEVELLING)[number];
const MUX_VALUES = [1, 2, 4, 8];

export interface DesignParams {
  /** The cell library the arrays are built from (id or name: `builtin:sot-mram-2t2mtj`...). */
  readonly cell: string;
  readonly node_nm: number;
  readonly tiles: number;
  readonly blocksPerTile: number;
  readonly subarraysPerBlock: number;
  readonly rows: number;
  readonly cols: number;
  /** Columns per sense amplifier; undefined: the fewest a sense amplifier fits under. */
  readonly mux?: number;
  /** MAGIC output initialisation: one step per gate, or columns initialised together (no step of their own). */
  readonly initPolicy: InitPolicy;
  /** Chip power envelope; 0 = none. Blocks beyond what it allows to compute at once wait. */
  readonly powerBudget_W: number;
  readonly formatForward: FormatName;
  readonly formatBackward: FormatName;
  readonly formatUpdate: FormatName;
  readonly arithMode: ArithMode;
  /** Array steps to move one bit between neighbouring blocks, all lanes at once (FloatPIM: 2). */
  readonly transferStepsPerBit: number;
  /** Energy of one bit crossing the switch and wire between two blocks, per lane. */
  readonly transferWireEnergyPerBit_J: number;
  /** Values written into a lane per multiply-accumulate (the operand that is not stationary). */
  readonly operandWritesPerMac: number;
  /** `per-tile`: the blocks of a tile run the same step (SIMD) and share one row decoder. */
  readonly decoders: 'per-block' | 'per-tile';
  /** `power-gated`: blocks not computing are switched off (non-volatile cells keep their data), so only computing blocks leak. */
  readonly idleBlocks: 'power-gated' | 'leaking';
  readonly controllerAreaPerTile_m2: number;
  readonly controllerPowerPerTile_W: number;
  readonly switchAreaPerBlock_m2: number;
  readonly interconnectAreaPerTile_m2: number;
  /** Batch used when a run does not give one. */
  readonly defaultBatch: number;
  readonly wearLevelling: WearLevelling;
  /** With `spread`: how many times fewer writes the hottest cell takes than without levelling. */
  readonly wearSpread?: number;
}

type NumericField = { [K in keyof DesignParams]-?: DesignParams[K] extends number | undefined ? K : never }[keyof DesignParams];
type ChoiceField = Exclude<keyof DesignParams, NumericField>;

const FORMAT_NAMES = Object.keys(FORMATS);
const count = (key: string, field: NumericField, label: string, max = 1_000_000): NumberSpec<NumericField> => ({
  key,
  field,
  quantity: 'ratio',
  unit: '1',
  required: true,
  label,
  min: 1,
  max,
  integer: true,
});

// Upper bounds refuse what no chip can be (a slipped exponent or unit), not unusual designs: a
// chip's silicon is limited by the lithography reticle (about 26 x 33 mm = 858 mm^2), so no part of
// a tile or block is over 1000 mm^2; 10 kW is a rack, not one chip's envelope; 1 kW for one tile's
// controller is more than whole accelerator boards draw; 1 nJ per bit moved is a thousand times an
// off-chip DRAM access.
const AREA_MAX_M2 = 1e-3;

export const DESIGN_NUMBER_SPECS: readonly NumberSpec<NumericField>[] = [
  { key: 'node', field: 'node_nm', quantity: 'length', unit: 'nm', required: true, label: 'technology node', positive: true },
  count('tiles', 'tiles', 'tiles on the chip'),
  count('blocksPerTile', 'blocksPerTile', 'blocks per tile'),
  count('subarraysPerBlock', 'subarraysPerBlock', 'subarrays per block'),
  count('rows', 'rows', 'rows per subarray', 4096),
  count('cols', 'cols', 'columns per subarray', 4096),
  { key: 'mux', field: 'mux', quantity: 'ratio', unit: '1', required: false, label: 'columns per sense amplifier (1, 2, 4 or 8)', min: 1, max: 8, integer: true },
  { key: 'powerBudget', field: 'powerBudget_W', quantity: 'power', unit: 'W', required: true, label: 'chip power envelope (0: none)', min: 0, max: 10_000 },
  count('transfer.stepsPerBit', 'transferStepsPerBit', 'array steps per bit moved between blocks', 64),
  { key: 'transfer.wireEnergyPerBit', field: 'transferWireEnergyPerBit_J', quantity: 'energy', unit: 'fJ', required: true, label: 'switch and wire energy per bit moved, per lane', min: 0, max: 1e-9 },
  { key: 'operandWritesPerMac', field: 'operandWritesPerMac', quantity: 'ratio', unit: '1', required: true, label: 'values written into a lane per MAC', min: 0, max: 3 },
  { key: 'controller.areaPerTile', field: 'controllerAreaPerTile_m2', quantity: 'area', unit: 'mm^2', required: true, label: 'controller area per tile', min: 0, max: AREA_MAX_M2 },
  { key: 'controller.powerPerTile', field: 'controllerPowerPerTile_W', quantity: 'power', unit: 'mW', required: true, label: 'controller power per tile', min: 0, max: 1000 },
  { key: 'switch.areaPerBlock', field: 'switchAreaPerBlock_m2', quantity: 'area', unit: 'um^2', required: true, label: 'inter-block switch area per block', min: 0, max: AREA_MAX_M2 },
  { key: 'interconnect.areaPerTile', field: 'interconnectAreaPerTile_m2', quantity: 'area', unit: 'um^2', required: true, label: 'interconnect area per tile', min: 0, max: AREA_MAX_M2 },
  count('batch', 'defaultBatch', 'default batch size', 65_536),
  { key: 'wear.spread', field: 'wearSpread', quantity: 'ratio', unit: '1', required: false, label: 'wear levelling spread: times fewer writes on the hottest cell', min: 1, max: 1e9 },
];

export const DESIGN_CHOICE_SPECS: readonly ChoiceSpec<ChoiceField>[] = [
  { key: 'format.forward', field: 'formatForward', choices: FORMAT_NAMES, required: true, label: 'number format of the forward pass' },
  { key: 'format.backward', field: 'formatBackward', choices: FORMAT_NAMES, required: true, label: 'number format of the gradients' },
  { key: 'format.update', field: 'formatUpdate', choices: FORMAT_NAMES, required: true, label: 'number format of the weight update' },
  { key: 'arithMode', field: 'arithMode', choices: ARITH_MODES, required: true, label: 'arithmetic: ieee or ftz-trunc' },
  { key: 'decoders', field: 'decoders', choices: ['per-block', 'per-tile'], required: true, label: 'row decoders per block, or one per tile for blocks in lockstep' },
  { key: 'idleBlocks', field: 'idleBlocks', choices: ['power-gated', 'leaking'], required: true, label: 'whether blocks that wait are switched off' },
  { key: 'initPolicy', field: 'initPolicy', choices: INIT_POLICIES, required: false, label: 'MAGIC initialisation: per-gate (a step each) or bulk (columns together)' },
  { key: 'wear.levelling', field: 'wearLevelling', choices: WEAR_LEVELLING, required: false, label: 'wear levelling: none, rotate (the microprograms\' region moves across the lane) or spread (a set factor)' },
];

export type DesignParseResult = { readonly ok: true; readonly params: DesignParams } | { readonly ok: false; readonly issues: Issue[] };

/** The `cell` key is a reference, read apart from the choices. */
export function designParamsFromValues(values: readonly LibraryValue[]): DesignParseResult {
  const read = readValues(values, DESIGN_NUMBER_SPECS, DESIGN_CHOICE_SPECS);
  const cell = values.find((v) => v.key === 'cell');
  const issues = read.ok ? [] : [...read.issues];
  if (!cell) issues.unshift({ path: 'cell', message: 'is missing (the cell library the arrays are built from)' });
  else if (typeof cell.value !== 'string' || cell.value.trim() === '') issues.unshift({ path: 'cell', message: 'must name a cell library (for example builtin:sot-mram-2t2mtj)' });
  if (read.ok && read.params.mux !== undefined && !MUX_VALUES.includes(read.params.mux as number)) issues.push({ path: 'mux', message: `must be one of ${MUX_VALUES.join(', ')} (columns per sense amplifier)` });
  if (read.ok && read.params.wearLevelling === 'spread' && read.params.wearSpread === undefined) issues.push({ path: 'wear.spread', message: 'is missing: wear levelling "spread" needs its factor' });
  const node_nm = read.ok ? Math.round((read.params.node_nm as number) * 1e9 * 1000) / 1000 : undefined;
  if (node_nm !== undefined && !SUPPORTED_NODES_NM.includes(node_nm)) issues.push({ path: 'node', message: `must be one of ${SUPPORTED_NODES_NM.join(', ')} nm (the nodes with device and wire figures)` });
  if (!read.ok || issues.length > 0) return { ok: false, issues };
  const params = { initPolicy: 'per-gate', wearLevelling: 'none', ...read.params, cell: (cell!.value as string).trim(), node_nm };
  return { ok: true, params: params as unknown as DesignParams };
}

export function blocksOf(design: DesignParams): number {
  return design.tiles * design.blocksPerTile;
}
