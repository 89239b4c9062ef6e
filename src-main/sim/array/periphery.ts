import type { TechNode } from '../tech/nodes.ts';
import type { CellParams } from '../cells/params.ts';
import { bitWrite, memoryKind, writeResistanceLow } from '../cells/electrical.ts';
import { gateCap, MAX_WIDTH_F, MIN_WIDTH_F } from '../tech/devices.ts';
import { lineDecoder, lineDecoderDelay, predecoder, type LineDecoder, type Predecoder } from './decoder.ts';
import { precharger, type Precharger } from './precharger.ts';
import { senseAmp, type SenseAmp } from './sense-amp.ts';
import { columnMux, type ColumnMux } from './column-mux.ts';
import type { Geometry } from './geometry.ts';

// The periphery of one subarray as NVSim builds it (SubArray.cpp): a row decoder per word line,
// a column-select decoder for the mux, precharge, the bit-line mux and one sense amplifier per
// `mux` columns. Sized once per cell, node, shape and mux; access.ts costs operations with it.

export interface Periphery {
  readonly tech: TechNode;
  readonly cell: CellParams;
  readonly geo: Geometry;
  readonly mux: number;
  /** Sense amplifiers = columns sensed (and written) per access. */
  readonly senseAmps: number;
  readonly rowDecoder: LineDecoder;
  readonly rowDecoderLatency_s: number;
  readonly rowDecoderRamp_per_s: number;
  readonly columnDecoder: LineDecoder;
  readonly columnDecoderLatency_s: number;
  readonly predecoder: Predecoder;
  readonly precharger: Precharger;
  readonly senseAmp: SenseAmp;
  readonly columnMux: ColumnMux;
  /** Largest current a bit line carries (the write current, plus half-selected cells of a cross-point array). */
  readonly maxBitLineCurrent_A: number;
  /** Current a word line must deliver to the cells it writes (cross-point arrays; 0 with access transistors). */
  readonly maxWordLineCurrent_A: number;
}

export class ArrayInputError extends Error {
  override readonly name = 'ArrayInputError';
  /** The design or array value the problem is with (rows, cols, mux, cell), when there is one. */
  readonly key: string | undefined;

  constructor(message: string, key?: string) {
    super(message);
    this.key = key;
  }
}

function writeCurrent(cell: CellParams, op: 'set' | 'reset'): number {
  const given = op === 'set' ? cell.setCurrent_A : cell.resetCurrent_A;
  if (given) return given;
  const v = (op === 'set' ? cell.setVoltage_V : cell.resetVoltage_V) ?? 0;
  return Math.max(0, Math.abs(v) - cell.accessVoltageDrop_V) / writeResistanceLow(cell);
}

/** Currents the lines must carry when a row is written (NVSim's sizing of drivers and mux devices). */
function lineCurrents(cell: CellParams, rows: number, cols: number, mux: number): { bit: number; word: number } {
  const kind = memoryKind(cell);
  if (kind === 'SRAM') return { bit: 0, word: 0 };
  if (cell.accessType === 'CMOS' || kind === 'PCRAM') {
    return { bit: Math.max(cell.setCurrent_A ?? 0, cell.resetCurrent_A ?? 0), word: 0 };
  }
  // Cross-point: the selected cells of the row, and half-selected cells on the same lines.
  const current = writeCurrent(cell, 'reset');
  const halfSelected = (current * writeResistanceLow(cell)) / 2 / (cell.resistanceLowHalfWrite_Ohm ?? writeResistanceLow(cell));
  const selected = cols / mux;
  return { bit: current + halfSelected * (rows - 1), word: current * selected + halfSelected * (cols - selected) };
}

export function buildPeriphery(tech: TechNode, cell: CellParams, geo: Geometry, mux: number, senseSwing_V: number): Periphery {
  const f = tech.featureSize_m;
  const currents = lineCurrents(cell, geo.rows, geo.cols, mux);
  // A current beyond the largest device NVSim allows cannot be sized for: such an organisation is
  // costed with minimum devices and warned about (warnings.ts).
  const forCurrent = currents.bit / tech.ionN_A_per_m;
  const muxDeviceWidth = forCurrent > MAX_WIDTH_F * f ? MIN_WIDTH_F * f : Math.max(MIN_WIDTH_F * f, forCurrent);
  const rowDecoder = lineDecoder(tech, geo.rows, geo.wordLine.c_F, geo.wordLine.r_Ohm, currents.word);
  // The column-select line runs along the row and gates one mux device per column.
  const columnDecoder = lineDecoder(tech, mux, geo.cols * gateCap(tech, muxDeviceWidth) + geo.wordLine.wireC_F, geo.wordLine.r_Ohm);
  const pre = predecoder(tech, geo.rows, geo.bitLine.length_m, rowDecoder.nandInputs ? gateCap(tech, rowDecoder.nandN_m) + gateCap(tech, rowDecoder.nandP_m) : rowDecoder.driver.stageInputCap_F[0]!);
  const rowTiming = lineDecoderDelay(tech, rowDecoder, pre.rampOut_per_s);
  const columnTiming = lineDecoderDelay(tech, columnDecoder, pre.rampOut_per_s);
  const pitch = geo.cellWidth_m * mux;
  if (pitch <= 2 * f) throw new ArrayInputError(`a sense amplifier does not fit under ${mux} column(s) of ${(geo.cellWidth_m / f).toFixed(1)} F: choose a mux of at least ${Math.floor((2 * f) / geo.cellWidth_m) + 1}`, 'mux');
  const amp = senseAmp(tech, cell.readMode === 'current', senseSwing_V, pitch);
  return {
    tech,
    cell,
    geo,
    mux,
    senseAmps: geo.cols / mux,
    rowDecoder,
    rowDecoderLatency_s: rowTiming.delay_s,
    rowDecoderRamp_per_s: rowTiming.rampOut_per_s,
    columnDecoder,
    columnDecoderLatency_s: columnTiming.delay_s,
    predecoder: pre,
    precharger: precharger(tech, geo.cols, geo.cellWidth_m, geo.bitLine, tech.vdd_V),
    senseAmp: amp,
    columnMux: columnMux(tech, mux, geo.cols, memoryKind(cell) === 'SRAM' ? undefined : cell.resistanceLow_Ohm, amp.inputCap_F, forCurrent > MAX_WIDTH_F * f ? 0 : currents.bit),
    maxBitLineCurrent_A: currents.bit,
    maxWordLineCurrent_A: currents.word,
  };
}

/** Cell energy of one written bit, set and reset, as NVSim costs it (without the line). */
export function writePair(p: Periphery): { set: ReturnType<typeof bitWrite>; reset: ReturnType<typeof bitWrite> } {
  return { set: bitWrite(p.cell, p.tech, 'set'), reset: bitWrite(p.cell, p.tech, 'reset') };
}
