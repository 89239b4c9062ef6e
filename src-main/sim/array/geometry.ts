import type { TechNode } from '../tech/nodes.ts';
import type { CellParams } from '../cells/params.ts';
import { drainCap, gateCap } from '../tech/devices.ts';
import { storageElementsPerBit } from '../cells/electrical.ts';

// Physical layout of an R x C subarray, as NVSim lays it out: cell pitch from area and aspect
// ratio; word lines run along a row (C cells), bit lines along a column (R cells); each line is
// local wire plus what hangs on it: the access transistors' gates on a word line and half a drain
// per cell on a bit line (neighbours share a contact), or, for a cell without access device, the
// cell's own capacitance.

export interface Line {
  readonly length_m: number;
  readonly r_Ohm: number;
  /** Wire plus the devices hanging on it. */
  readonly c_F: number;
  /** The wire alone. */
  readonly wireC_F: number;
}

export interface Geometry {
  readonly rows: number;
  readonly cols: number;
  readonly cellWidth_m: number;
  readonly cellHeight_m: number;
  readonly wordLine: Line;
  readonly bitLine: Line;
  /** Capacitance one cell's access device adds to its bit line (its drain, or the cell itself). */
  readonly accessCap_F: number;
  readonly cellArea_m2: number;
}

export function cellPitch(cell: CellParams, tech: TechNode): { width_m: number; height_m: number } {
  const f = tech.featureSize_m;
  return { width_m: Math.sqrt(cell.cellArea_F2 / cell.aspectRatio) * f, height_m: Math.sqrt(cell.cellArea_F2 * cell.aspectRatio) * f };
}

/** Width of the access transistor that connects a cell to its sensed bit line (0 without one). */
export function readAccessWidth_m(cell: CellParams, tech: TechNode): number {
  return cell.accessType === 'CMOS' ? (cell.accessWidth_F ?? 0) * tech.featureSize_m : 0;
}

function line(tech: TechNode, length_m: number, devices_F: number): Line {
  const wireC_F = tech.localWire.c_F_per_m * length_m;
  return { length_m, r_Ohm: tech.localWire.r_Ohm_per_m * length_m, c_F: wireC_F + devices_F, wireC_F };
}

export function geometry(cell: CellParams, tech: TechNode, rows: number, cols: number): Geometry {
  const pitch = cellPitch(cell, tech);
  const access = readAccessWidth_m(cell, tech);
  // A complementary cell hangs both of its storage elements on the column.
  const elements = storageElementsPerBit(cell);
  const cmos = cell.accessType === 'CMOS' && access > 0;
  const accessCap_F = cmos ? elements * drainCap(tech, access, 'n', pitch.width_m) : elements * (cell.cellCapacitance_F ?? 0);
  // An SRAM cell hangs two access transistors on its word line (one per bit line of the pair).
  const gatesPerCell = cell.family === 'sram' ? 2 : 1;
  const wordLoad = cmos ? cols * gatesPerCell * gateCap(tech, access) : cols * elements * (cell.cellCapacitance_F ?? 0);
  const bitLoad = cmos ? (rows * accessCap_F) / 2 : rows * accessCap_F;
  return {
    rows,
    cols,
    cellWidth_m: pitch.width_m,
    cellHeight_m: pitch.height_m,
    wordLine: line(tech, cols * pitch.width_m, wordLoad),
    bitLine: line(tech, rows * pitch.height_m, bitLoad),
    accessCap_F,
    cellArea_m2: rows * cols * pitch.width_m * pitch.height_m,
  };
}

/** The same array seen with rows and columns exchanged (row-parallel MAGIC computes along columns). */
export function transposed(g: Geometry): Geometry {
  return { ...g, rows: g.cols, cols: g.rows, cellWidth_m: g.cellHeight_m, cellHeight_m: g.cellWidth_m, wordLine: g.bitLine, bitLine: g.wordLine };
}
