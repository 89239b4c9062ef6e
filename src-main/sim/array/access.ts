import { memoryKind, readPower, writeCircuitEfficiency } from '../cells/electrical.ts';
import { magicGateEnergy } from '../cells/switching.ts';
import { horowitz } from '../tech/devices.ts';
import { writePair, type Periphery } from './periphery.ts';
import { bitLineSignal } from './sensing.ts';

// The cost of one access of a subarray's periphery, term by term as NVSim accounts it
// (SubArray.cpp), generalised to the accesses in-memory computing needs: several rows sensed
// together against several references, constant writes, and MAGIC gates. Each term names its
// equation; `cells` is the energy spent in the storage elements, every other term is periphery.

export interface Cost {
  readonly latency_s: number;
  readonly energy_J: number;
  readonly latencyBreakdown: Readonly<Record<string, number>>;
  readonly energyBreakdown: Readonly<Record<string, number>>;
}

export function cost(latency: Record<string, number>, energy: Record<string, number>): Cost {
  const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);
  return { latency_s: sum(latency), energy_J: sum(energy), latencyBreakdown: latency, energyBreakdown: energy };
}

/** Both: scaled by `n` (an operation made of `n` identical accesses). */
export function repeated(c: Cost, n: number): Cost {
  const scale = (o: Readonly<Record<string, number>>): Record<string, number> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v * n]));
  return cost(scale(c.latencyBreakdown), scale(c.energyBreakdown));
}

function decoderTime(p: Periphery): number {
  return Math.max(p.rowDecoderLatency_s, p.columnDecoderLatency_s);
}

/**
 * `rows` word lines activated together; every sensed column (columns / mux of them) resolved
 * against `references` thresholds. rows = 1, references = 1 is an ordinary read.
 * - decoders: the slower of row and column-select decoding; each active word line is one decode;
 * - bit line: bitLineSignal (sensing.ts), on every column of the row;
 * - cells: each sensed column draws the cells' read power (and as much for its reference) for the
 *   amplifier's decision time: 2 x rows x P_read x t_SA (NVSim's x2 for the reference cell);
 * - sense amplifiers: one decision per reference.
 */
export function senseAccess(p: Periphery, rows: number, references: number): Cost {
  const signal = bitLineSignal(p, rows);
  const sensed = p.senseAmps;
  return cost(
    { decoders: decoderTime(p), bitLine: signal.delay_s, columnMux: p.columnMux.latency_s, senseAmp: p.senseAmp.latency_s },
    {
      rowDecoder: rows * p.rowDecoder.energy_J,
      columnDecoder: p.columnDecoder.energy_J,
      precharge: p.precharger.readEnergy_J,
      bitLines: p.geo.cols * signal.energy_J,
      cells: p.cell.family === 'sram' ? 0 : 2 * rows * readPower(p.cell, p.tech) * p.senseAmp.latency_s * sensed,
      senseAmps: references * sensed * p.senseAmp.energy_J,
      columnMux: p.columnMux.energy_J,
    },
  );
}

/** Charging a bit line behind its mux for a write: ln 2 x (R_mux (C_mux + C_line) + R_line C_line / 2). */
function chargeTime(p: Periphery): number {
  const { columnMux, geo } = p;
  return horowitz(columnMux.passResistance_Ohm * (columnMux.passCap_F + geo.bitLine.c_F) + (geo.bitLine.r_Ohm * geo.bitLine.c_F) / 2, 0, Infinity).delay_s;
}

/**
 * One row written on every selected column (columns / mux bits).
 * - time: decoding (or column select plus charging the line), then the longer pulse; a cross-point
 *   cell without access device is written in two phases (reset, then set), each after a charge;
 * - per bit: the cell's energy (electrical.ts) plus its line charged to the write level,
 *   (C_access + C_line + C_mux) x V^2, the larger of set and reset (NVSim's worst case), divided
 *   by the write circuit's efficiency.
 */
/** SRAM (NVSim): a write takes as long as a read; each written bit line swings the precharge level. */
function sramWrite(p: Periphery): Cost {
  const read = senseAccess(p, 1, 1);
  const signal = bitLineSignal(p, 1);
  return cost(
    { ...read.latencyBreakdown },
    { rowDecoder: p.rowDecoder.energy_J, columnDecoder: p.columnDecoder.energy_J, bitLines: p.senseAmps * signal.energy_J, cells: 0, columnMux: p.columnMux.energy_J },
  );
}

export function writeAccess(p: Periphery): Cost {
  const { cell, geo, columnMux } = p;
  if (cell.family === 'sram') return sramWrite(p);
  const { set, reset } = writePair(p);
  const lineCap = geo.accessCap_F + geo.bitLine.c_F + columnMux.passCap_F;
  const perBit = (w: typeof set): { cell: number; line: number } => ({ cell: w.cell_J, line: lineCap * w.lineVoltage_V * w.lineVoltage_V });
  const s = perBit(set);
  const r = perBit(reset);
  const dearer = s.cell + s.line >= r.cell + r.line ? s : r;
  const bits = p.senseAmps;
  const efficiency = writeCircuitEfficiency(cell);
  const charge = chargeTime(p);
  const start = Math.max(p.rowDecoderLatency_s, p.columnDecoderLatency_s + charge);
  const crossPoint = cell.accessType !== 'CMOS' && memoryKind(cell) === 'memristor';
  const latency: Record<string, number> = crossPoint
    ? { decoders: start, charge, writePulse: set.pulse_s + reset.pulse_s }
    : { decoders: start, writePulse: Math.max(set.pulse_s, reset.pulse_s) };
  return cost(latency, {
    rowDecoder: p.rowDecoder.energy_J,
    columnDecoder: p.columnDecoder.energy_J,
    bitLines: (bits * dearer.line) / efficiency,
    cells: (bits * dearer.cell) / efficiency,
    columnMux: (crossPoint ? 2 : 1) * columnMux.energy_J,
  });
}

/**
 * A constant written on every selected column: physically the same access as a write (NVSim
 * already costs every write at the dearer state).
 */
export function presetAccess(p: Periphery): Cost {
  return writeAccess(p);
}

/**
 * MAGIC on a row-parallel crossbar, in the orientation where the driven lines are the physical
 * columns (`p` built on the transposed geometry: its "word lines" are columns, its "bit lines"
 * the lanes' row lines).
 * - gate: the column drivers put V0 on each input column (C_column x V0^2 each; the output column
 *   is held at ground), then every lane's cells switch (switching.ts) for the gate pulse. The
 *   lanes' row lines float at the gates' internal node; assumption: they stay near the isolation
 *   bias the unselected columns hold (Talati et al., IEEE TNANO 2016), so their charge is not
 *   counted, nor are the sneak currents that bias implies;
 * - initialisation: one column driven to the set voltage, the lanes' row lines held at ground
 *   (only that column is charged), every lane's output cell set (electrical.ts).
 */
export function magicGateAccess(p: Periphery, inputs: number): Cost {
  const v0 = p.cell.magicVoltage_V ?? 0;
  const pulse = p.cell.magicPulse_s ?? p.cell.resetPulse_s;
  return cost(
    { decoders: p.rowDecoderLatency_s, gatePulse: pulse },
    {
      rowDecoder: inputs * p.rowDecoder.energy_J,
      drivenLines: inputs * p.geo.wordLine.c_F * (v0 * v0 - p.tech.vdd_V * p.tech.vdd_V),
      cells: p.geo.cols * magicGateEnergy(p.cell, inputs),
    },
  );
}

export function magicInitAccess(p: Periphery): Cost {
  const { set } = writePair(p);
  const v = p.cell.setVoltage_V ?? 0;
  return cost(
    { decoders: p.rowDecoderLatency_s, writePulse: set.pulse_s },
    {
      rowDecoder: p.rowDecoder.energy_J,
      drivenLines: p.geo.wordLine.c_F * (v * v - p.tech.vdd_V * p.tech.vdd_V),
      cells: p.geo.cols * set.cell_J,
    },
  );
}
