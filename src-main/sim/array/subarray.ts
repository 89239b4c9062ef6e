import { techNode } from '../tech/nodes.ts';
import { minWidth, onResistance, transistorArea, leakagePower } from '../tech/devices.ts';
import type { CellParams } from '../cells/params.ts';
import { checkCell } from '../cells/plausibility.ts';
import { bitWrite } from '../cells/electrical.ts';
import { CELL_FAMILY_PRIMITIVES, PRIMITIVES, type PhysicalAccess, type PrimitiveName } from '../isa/primitives.ts';
import type { TechNode } from '../tech/nodes.ts';
import { geometry, transposed, type Geometry } from './geometry.ts';
import { rowDecoder } from './decoder.ts';
import { senseAmp } from './sense-amp.ts';
import { magicNorAccess, senseAccess, writeAccess, type AccessContext, type Cost } from './access.ts';

// One R x C subarray with its periphery, every lane accessed at once (no column multiplexing).
// Reports a whole-row read and write (comparable to NVSim), the cost of every primitive the cell
// family supports, the area, and where each figure comes from.

export const MIN_DIMENSION = 16;
export const MAX_DIMENSION = 4096;

export interface SubarrayInput {
  readonly cell: CellParams;
  readonly rows: number;
  readonly cols: number;
  readonly node_nm: number;
}

export interface OpFigure {
  readonly latency_s: number;
  readonly energy_J: number;
  /** The part of energy_J spent in the cells (and, when sensing, the line current through them); the rest is periphery. */
  readonly cellEnergy_J?: number;
}

export interface SubarrayResult {
  readonly area_m2: number;
  readonly read: OpFigure;
  readonly write: OpFigure;
  readonly primitives: Partial<Record<PrimitiveName, OpFigure>>;
  readonly lanes: number;
  readonly leakage_W: number;
  readonly breakdown: {
    readonly area_m2: Readonly<Record<string, number>>;
    readonly read: Pick<Cost, 'latencyBreakdown' | 'energyBreakdown'>;
    readonly write: Pick<Cost, 'latencyBreakdown' | 'energyBreakdown'>;
  };
  readonly warnings: string[];
}

export class ArrayInputError extends Error {
  override readonly name = 'ArrayInputError';
  /** The design or array value the problem is with (rows, cols, cell), when there is one. */
  readonly key: string | undefined;

  constructor(message: string, key?: string) {
    super(message);
    this.key = key;
  }
}

function checkDimension(name: string, value: number): void {
  if (!Number.isInteger(value) || value < MIN_DIMENSION || value > MAX_DIMENSION) {
    throw new ArrayInputError(`${name} must be a whole number from ${MIN_DIMENSION} to ${MAX_DIMENSION} (got ${value})`, name);
  }
}

/** MRAM cells compute on rows with lanes along columns; MAGIC computes row-parallel on columns. */
export function lanesAreRows(cell: CellParams): boolean {
  return cell.family === 'reram-magic';
}

/** The breakdown parts that are the cells' own energy (access.ts names them so). */
const CELL_PARTS = ['cells', 'bitLineAndCells'] as const;

function figure(c: Cost): OpFigure {
  let cellEnergy_J = 0;
  for (const part of CELL_PARTS) cellEnergy_J += c.energyBreakdown[part] ?? 0;
  return { latency_s: c.latency_s, energy_J: c.energy_J, cellEnergy_J };
}

function writeDriverWidth(cell: CellParams, tech: TechNode): number {
  const current = Math.max(cell.setCurrent_A ?? 0, cell.resetCurrent_A ?? 0, (cell.setVoltage_V ?? 0) / cell.resistanceLow_Ohm);
  // Sized to deliver the write current at half the saturation current per width (reduced overdrive).
  return Math.max(minWidth(tech), (2 * current) / tech.ionN_A_per_m);
}

function context(tech: TechNode, cell: CellParams, geo: Geometry, lanes: number): AccessContext {
  return { tech, cell, geo, lanes, decoder: rowDecoder(tech, geo.rows, geo.wordLine.c_F, geo.bitLine.length_m), sa: senseAmp(tech, cell) };
}

function primitiveCost(ctx: AccessContext, access: PhysicalAccess, driverR: number): Cost {
  switch (access.kind) {
    case 'sense':
      return senseAccess(ctx, access.rows, access.references);
    case 'search':
      return senseAccess(ctx, access.rows, 1);
    case 'write':
      return writeAccess(ctx, access.constant, driverR);
    case 'magic-nor':
      return magicNorAccess(ctx, access.inputs);
  }
}

function maxReferences(cell: CellParams): number {
  let refs = 1;
  for (const name of CELL_FAMILY_PRIMITIVES[cell.family]) {
    const access: PhysicalAccess = PRIMITIVES[name].access;
    if (access.kind === 'sense') refs = Math.max(refs, access.references);
  }
  return refs;
}

/** Column sense amplifiers a MAGIC array keeps for reading rows out: assumption: one per 8 columns through a mux (rows are read for I/O only; computing needs none). */
const MAGIC_IO_COLUMNS_PER_SENSE_AMP = 8;

function areaBreakdown(tech: TechNode, cell: CellParams, geo: Geometry, ctx: AccessContext, driverWidth: number): Record<string, number> {
  // MAGIC drives rows (I/O) and columns (computing): two decoders; its lanes are the rows.
  const magic = lanesAreRows(cell);
  const senseLanes = magic ? geo.rows + Math.ceil(geo.cols / MAGIC_IO_COLUMNS_PER_SENSE_AMP) : geo.cols;
  const decoders = magic ? 2 : 1;
  const writeDriverPerColumn = 2 * transistorArea(tech, driverWidth);
  // A crossbar column has one driver: it applies the write voltage when a row is written and V0 or
  // ground when MAGIC computes, the column decoder choosing which columns it drives. So the column
  // decoder's line drivers and the write drivers are one device per column, sized for the larger need.
  const columnDrivers = magic ? geo.cols * Math.max(writeDriverPerColumn, ctx.decoder.driverArea_m2 / geo.rows) : geo.cols * writeDriverPerColumn;
  return {
    cells: geo.cellArea_m2,
    decoderLogic: ctx.decoder.logicArea_m2 * decoders,
    lineDrivers: ctx.decoder.driverArea_m2,
    senseAmps: senseLanes * maxReferences(cell) * ctx.sa.area_m2,
    writeDrivers: columnDrivers,
    precharge: geo.cols * 2 * transistorArea(tech, minWidth(tech)),
  };
}

export function evaluateSubarray(input: SubarrayInput): SubarrayResult {
  checkDimension('rows', input.rows);
  checkDimension('cols', input.cols);
  const tech = techNode(input.node_nm);
  const cell = input.cell;
  const checked = checkCell(cell);
  if (checked.errors.length) throw new ArrayInputError(`the cell is not valid: ${checked.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, 'cell');
  const geo = geometry(cell, tech, input.rows, input.cols);
  const rowCtx = context(tech, cell, geo, geo.cols);
  const laneGeo = lanesAreRows(cell) ? transposed(geo) : geo;
  const laneCtx = lanesAreRows(cell) ? context(tech, cell, laneGeo, laneGeo.cols) : rowCtx;
  const driverWidth = writeDriverWidth(cell, tech);
  const driverR = onResistance(tech, driverWidth);
  const read = senseAccess(rowCtx, 1, 1);
  const write = writeAccess(rowCtx, false, driverR);
  const primitives: Partial<Record<PrimitiveName, OpFigure>> = {};
  for (const name of CELL_FAMILY_PRIMITIVES[cell.family]) primitives[name] = figure(primitiveCost(laneCtx, PRIMITIVES[name].access, driverR));
  const area = areaBreakdown(tech, cell, geo, rowCtx, driverWidth);
  return {
    area_m2: Object.values(area).reduce((a, b) => a + b, 0),
    read: figure(read),
    write: figure(write),
    primitives,
    lanes: laneGeo.cols,
    leakage_W: rowCtx.decoder.leakage_W + geo.cols * (maxReferences(cell) * rowCtx.sa.leakage_W + leakagePower(tech, driverWidth * 0.5)),
    breakdown: {
      area_m2: area,
      read: { latencyBreakdown: read.latencyBreakdown, energyBreakdown: read.energyBreakdown },
      write: { latencyBreakdown: write.latencyBreakdown, energyBreakdown: write.energyBreakdown },
    },
    warnings: [...checked.warnings.map((w) => `${w.path}: ${w.message}`), ...driveWarnings(cell, tech)],
  };
}

function driveWarnings(cell: CellParams, tech: TechNode): string[] {
  const found: string[] = [];
  for (const op of ['set', 'reset'] as const) {
    const w = bitWrite(cell, tech, op);
    if ((op === 'set' ? cell.setMode : cell.resetMode) === 'current' && w.supply_V > tech.vdd_V * 1.001) {
      found.push(`${op}: the write current needs ${w.supply_V.toFixed(2)} V across driver, access transistor and cell, above Vdd ${tech.vdd_V} V at ${tech.node_nm} nm; a boosted write supply is assumed (widen the write transistor to avoid it)`);
    }
  }
  return found;
}
