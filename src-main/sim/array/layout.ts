import type { Periphery } from './periphery.ts';

// Floor plan of a subarray as NVSim draws it (SubArray.cpp): the cell matrix, the row decoder
// beside it (as wide as its widest gate row; folded when taller than the matrix), and below it
// the precharger, the column mux and the sense amplifiers, each as wide as the matrix. The
// rectangle they make has an empty corner, counted as such. A row-parallel MAGIC array adds, in the
// other orientation, its column drivers below and its lanes' sense amplifiers beside.

function besideWidth(p: Periphery): number {
  const decoder = p.rowDecoder.height_m > p.geo.bitLine.length_m ? (p.rowDecoder.width_m * p.rowDecoder.height_m) / p.geo.bitLine.length_m : p.rowDecoder.width_m;
  return Math.max(decoder, p.columnDecoder.width_m);
}

/** Heights of the blocks under the matrix; `references` latches per amplifier. */
function belowHeights(p: Periphery, references: number): { precharge: number; columnMux: number; senseAmps: number } {
  return {
    precharge: p.precharger.height_m,
    columnMux: p.columnMux.height_m,
    senseAmps: references * p.senseAmp.latchHeight_m + p.senseAmp.converterHeight_m,
  };
}

/** Area by part, in m^2; the parts sum to the subarray's rectangle. `lane`: the MAGIC lane periphery. */
export function subarrayArea(p: Periphery, lane: Periphery | undefined, references: number): Record<string, number> {
  const matrixWidth = p.geo.wordLine.length_m;
  const matrixHeight = p.geo.bitLine.length_m;
  const below = belowHeights(p, lane ? 1 : references);
  // MAGIC: the column drivers run under the matrix (a decoder turned on its side); the lanes'
  // sense amplifiers (for search and transfers) stand beside it.
  const columnDrivers = lane ? lane.rowDecoder.width_m : 0;
  const laneAmps = lane ? references * lane.senseAmp.latchHeight_m + lane.senseAmp.converterHeight_m : 0;
  const addWidth = besideWidth(p) + laneAmps;
  const addHeight = below.precharge + below.columnMux + below.senseAmps + columnDrivers;
  return {
    cells: matrixWidth * matrixHeight,
    rowDecoder: besideWidth(p) * matrixHeight,
    precharge: matrixWidth * below.precharge,
    columnMux: matrixWidth * below.columnMux,
    senseAmps: matrixWidth * below.senseAmps + laneAmps * matrixHeight,
    columnDrivers: matrixWidth * columnDrivers,
    unused: addWidth * addHeight,
  };
}
