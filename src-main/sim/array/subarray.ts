import { techNode, type TechNode } from '../tech/nodes.ts';
import type { CellParams } from '../cells/params.ts';
import { checkCell } from '../cells/plausibility.ts';
import { CELL_FAMILY_PRIMITIVES, PRIMITIVES, type PhysicalAccess, type PrimitiveName } from '../isa/primitives.ts';
import { geometry, transposed, type Geometry } from './geometry.ts';
import { buildPeriphery, ArrayInputError, type Periphery } from './periphery.ts';
import { magicGateAccess, magicInitAccess, presetAccess, repeated, senseAccess, writeAccess, type Cost } from './access.ts';
import { subarrayArea } from './layout.ts';
import { driveWarnings } from './warnings.ts';

export { ArrayInputError } from './periphery.ts';

// One R x C subarray with its periphery, as NVSim models a subarray (Dong et al., IEEE TCAD
// 2012): `read` and `write` are one access through the column mux (columns / mux bits), the
// figures NVSim reports and the golden tests compare. `primitives` are the in-memory operations
// on every lane of the array: a lane is a column (MRAM, PCRAM) or a row (row-parallel MAGIC);
// sensing and writing pass through the mux, so one step over all lanes takes `mux` accesses.

export const MIN_DIMENSION = 16;
export const MAX_DIMENSION = 4096;
export const MUX_CHOICES = [1, 2, 4, 8] as const;

export interface SubarrayInput {
  readonly cell: CellParams;
  readonly rows: number;
  readonly cols: number;
  readonly node_nm: number;
  /** Columns sharing one sense amplifier (1, 2, 4 or 8); when not given, the fewest a sense amplifier fits under. */
  readonly mux?: number;
  /** The node's figures when they are studied (sensitivity, uncertainty); the tabulated node's otherwise. */
  readonly tech?: TechNode;
}

export interface OpFigure {
  readonly latency_s: number;
  readonly energy_J: number;
  /** The part of energy_J spent in the cells; the rest is periphery. */
  readonly cellEnergy_J?: number;
}

export interface SubarrayResult {
  readonly area_m2: number;
  readonly read: OpFigure;
  readonly write: OpFigure;
  readonly primitives: Partial<Record<PrimitiveName, OpFigure>>;
  readonly lanes: number;
  readonly mux: number;
  readonly leakage_W: number;
  /** The row predecoder, outside the subarray (NVSim puts it in the mat); blocks in lockstep can share it. */
  readonly predecoder: { readonly area_m2: number; readonly energy_J: number; readonly latency_s: number };
  readonly breakdown: {
    readonly area_m2: Readonly<Record<string, number>>;
    readonly read: Pick<Cost, 'latencyBreakdown' | 'energyBreakdown'>;
    readonly write: Pick<Cost, 'latencyBreakdown' | 'energyBreakdown'>;
    readonly primitives: Partial<Record<PrimitiveName, Pick<Cost, 'latencyBreakdown' | 'energyBreakdown'>>>;
  };
  readonly warnings: string[];
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

function figure(c: Cost): OpFigure {
  return { latency_s: c.latency_s, energy_J: c.energy_J, cellEnergy_J: c.energyBreakdown.cells ?? 0 };
}

/** The most references any sense of the family compares against (one latch each). */
export function maxReferences(cell: CellParams): number {
  let refs = 1;
  for (const name of CELL_FAMILY_PRIMITIVES[cell.family]) {
    const access: PhysicalAccess = PRIMITIVES[name].access;
    if (access.kind === 'sense') refs = Math.max(refs, access.references);
  }
  return refs;
}

/** Smallest mux whose pitch fits a sense amplifier (NVSim: wider than 2 F). */
function smallestFittingMux(geo: Geometry, tech: TechNode): number {
  return Math.max(1, Math.floor((2 * tech.featureSize_m) / geo.cellWidth_m) + 1);
}

function lanePrimitive(lane: Periphery, access: PhysicalAccess): Cost {
  const passes = lane.mux;
  switch (access.kind) {
    case 'sense':
      return repeated(senseAccess(lane, access.rows, access.references), passes);
    case 'search':
      return repeated(senseAccess(lane, access.rows, 1), passes);
    case 'write':
      return repeated(access.constant ? presetAccess(lane) : writeAccess(lane), passes);
    case 'magic-nor':
      return magicGateAccess(lane, access.inputs);
  }
}

function magicLanePrimitive(lane: Periphery, name: PrimitiveName): Cost {
  return name === 'preset' ? magicInitAccess(lane) : lanePrimitive(lane, PRIMITIVES[name].access);
}

export function evaluateSubarray(input: SubarrayInput): SubarrayResult {
  checkDimension('rows', input.rows);
  checkDimension('cols', input.cols);
  if (input.mux !== undefined && !(MUX_CHOICES as readonly number[]).includes(input.mux)) throw new ArrayInputError(`mux must be one of ${MUX_CHOICES.join(', ')} (got ${input.mux})`, 'mux');
  const tech = input.tech ?? techNode(input.node_nm);
  const cell = input.cell;
  const checked = checkCell(cell);
  if (checked.errors.length) throw new ArrayInputError(`the cell is not valid: ${checked.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, 'cell');
  const geo = geometry(cell, tech, input.rows, input.cols);
  const mux = input.mux ?? smallestFittingMux(geo, tech);
  const swing = cell.minSenseVoltage_V;
  const rows = buildPeriphery(tech, cell, geo, mux, swing);
  const magic = lanesAreRows(cell);
  const laneGeo = magic ? transposed(geo) : geo;
  const lane = magic ? buildPeriphery(tech, cell, laneGeo, smallestFittingMux(laneGeo, tech), swing) : rows;
  const read = senseAccess(rows, 1, 1);
  const write = writeAccess(rows);
  const primitives: Partial<Record<PrimitiveName, OpFigure>> = {};
  const primitiveBreakdown: SubarrayResult['breakdown']['primitives'] = {};
  for (const name of CELL_FAMILY_PRIMITIVES[cell.family]) {
    const c = magic ? magicLanePrimitive(lane, name) : lanePrimitive(lane, PRIMITIVES[name].access);
    primitives[name] = figure(c);
    primitiveBreakdown[name] = { latencyBreakdown: c.latencyBreakdown, energyBreakdown: c.energyBreakdown };
  }
  const area = subarrayArea(rows, magic ? lane : undefined, maxReferences(cell));
  return {
    area_m2: Object.values(area).reduce((a, b) => a + b, 0),
    read: figure(read),
    write: figure(write),
    primitives,
    lanes: laneGeo.cols,
    mux,
    leakage_W: leakage(rows) + (magic ? leakage(lane) : 0),
    predecoder: { area_m2: rows.predecoder.area_m2, energy_J: rows.predecoder.energy_J, latency_s: rows.predecoder.latency_s },
    breakdown: {
      area_m2: area,
      read: { latencyBreakdown: read.latencyBreakdown, energyBreakdown: read.energyBreakdown },
      write: { latencyBreakdown: write.latencyBreakdown, energyBreakdown: write.energyBreakdown },
      primitives: primitiveBreakdown,
    },
    warnings: [...new Set([...checked.warnings.map((w) => `${w.path}: ${w.message}`), ...driveWarnings(rows), ...(magic ? driveWarnings(lane).map((w) => `computing along columns: ${w}`) : [])])],
  };
}

function leakage(p: Periphery): number {
  return p.rowDecoder.leakage_W + p.columnDecoder.leakage_W + p.precharger.leakage_W + p.senseAmps * p.senseAmp.leakage_W;
}
