import type { TechNode } from '../tech/nodes.ts';
import type { CellParams } from '../cells/params.ts';
import { drainCap, gateCap } from '../tech/devices.ts';

// Physical layout of an R x C subarray: cell pitch from area and aspect ratio, and the R and C
// of its word lines (along a row, C cells) and bit lines (along a column, R cells).

export interface Line {
  readonly length_m: number;
  readonly r_Ohm: number;
  /** Wire plus the devices hanging on it. */
  readonly c_F: number;
}

export interface Geometry {
  readonly rows: number;
  readonly cols: number;
  readonly cellWidth_m: number;
  readonly cellHeight_m: number;
  readonly wordLine: Line;
  readonly bitLine: Line;
  readonly cellArea_m2: number;
}

export function cellPitch(cell: CellParams, tech: TechNode): { width_m: number; height_m: number } {
  const f = tech.featureSize_m;
  return { width_m: Math.sqrt(cell.cellArea_F2 / cell.aspectRatio) * f, height_m: Math.sqrt(cell.cellArea_F2 * cell.aspectRatio) * f };
}

/** Width of the access device the word line gates and whose drain loads the bit line (0 for a cross-point cell). */
function accessWidth_m(cell: CellParams, tech: TechNode): number {
  return cell.accessType === 'CMOS' ? (cell.accessWidth_F ?? 0) * tech.featureSize_m : 0;
}

export function geometry(cell: CellParams, tech: TechNode, rows: number, cols: number): Geometry {
  const pitch = cellPitch(cell, tech);
  const wire = tech.localWire;
  const access = accessWidth_m(cell, tech);
  const wlLength = cols * pitch.width_m;
  const blLength = rows * pitch.height_m;
  // Two neighbouring cells share a drain contact, so each hangs half a drain on the bit line.
  return {
    rows,
    cols,
    cellWidth_m: pitch.width_m,
    cellHeight_m: pitch.height_m,
    wordLine: { length_m: wlLength, r_Ohm: wire.r_Ohm_per_m * wlLength, c_F: wire.c_F_per_m * wlLength + cols * gateCap(tech, access) },
    bitLine: { length_m: blLength, r_Ohm: wire.r_Ohm_per_m * blLength, c_F: wire.c_F_per_m * blLength + (rows * drainCap(tech, access)) / 2 },
    cellArea_m2: rows * cols * pitch.width_m * pitch.height_m,
  };
}

/** The same array seen with rows and columns exchanged (row-parallel MAGIC computes along columns). */
export function transposed(g: Geometry): Geometry {
  return { ...g, rows: g.cols, cols: g.rows, cellWidth_m: g.cellHeight_m, cellHeight_m: g.cellWidth_m, wordLine: g.bitLine, bitLine: g.wordLine };
}
