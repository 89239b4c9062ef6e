import type { TechNode } from '../tech/nodes.ts';
import type { CellParams } from '../cells/params.ts';
import { bitWrite, readCurrents } from '../cells/electrical.ts';
import { onResistance } from '../tech/devices.ts';
import type { Geometry } from './geometry.ts';
import type { DecoderResult } from './decoder.ts';
import type { SenseAmp } from './sense-amp.ts';
import { distributedDelay, drivenLineDelay } from './rc.ts';

// The cost of one access to all lanes at once, for each kind of physical access a primitive can be
// (isa/primitives.ts): multi-row sensing, writing a bit row, MAGIC NOR. `geo` is oriented so that
// its word lines are the driven bit rows and its bit lines run along the lanes.

export interface Cost {
  readonly latency_s: number;
  readonly energy_J: number;
  readonly latencyBreakdown: Readonly<Record<string, number>>;
  readonly energyBreakdown: Readonly<Record<string, number>>;
}

export interface AccessContext {
  readonly tech: TechNode;
  readonly cell: CellParams;
  readonly geo: Geometry;
  readonly decoder: DecoderResult;
  readonly sa: SenseAmp;
  readonly lanes: number;
}

function cost(latency: Record<string, number>, energy: Record<string, number>): Cost {
  const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);
  return { latency_s: sum(latency), energy_J: sum(energy), latencyBreakdown: latency, energyBreakdown: energy };
}

/** Clamp / precharge device on each sensed line: assumption: 4 F wide, as for the access transistors. */
function clampResistance(tech: TechNode): number {
  return onResistance(tech, 4 * tech.featureSize_m);
}

function bitLineSettle(ctx: AccessContext, activeRows: number): number {
  const { tech, cell, geo, sa } = ctx;
  const bl = geo.bitLine;
  if (cell.readMode === 'current') return drivenLineDelay(clampResistance(tech), bl.r_Ohm, bl.c_F, sa.inputCap_F);
  // Voltage sensing: the precharged line discharges through the low-resistance cell(s) until the
  // swing reaches the minimum the latch resolves.
  const { low_A } = readCurrents(cell, tech);
  const rPath = cell.readVoltage_V / low_A / activeRows;
  const swing = Math.min(0.9, cell.minSenseVoltage_V / cell.readVoltage_V);
  return distributedDelay(bl.r_Ohm, bl.c_F) + rPath * (bl.c_F + sa.inputCap_F) * -Math.log(1 - swing);
}

/** `rows` bit rows activated together, every lane sensed against `references` thresholds. */
export function senseAccess(ctx: AccessContext, rows: number, references: number): Cost {
  const { tech, cell, geo, decoder, sa, lanes } = ctx;
  const vdd = tech.vdd_V;
  const tBitLine = bitLineSettle(ctx, rows);
  const currents = readCurrents(cell, tech);
  const cellCurrent = (rows * (currents.low_A + currents.high_A)) / 2;
  // The read current flows from the supply for as long as the line settles and the amplifier decides.
  const cellEnergy = cell.readMode === 'current' ? vdd * cellCurrent * (tBitLine + sa.latency_s) : 0;
  return cost(
    {
      rowDecoder: decoder.latency_s,
      wordLine: distributedDelay(geo.wordLine.r_Ohm, geo.wordLine.c_F),
      bitLine: tBitLine,
      senseAmp: sa.latency_s,
    },
    {
      rowDecoder: rows * decoder.energy_J,
      wordLine: rows * geo.wordLine.c_F * vdd * vdd,
      bitLineAndCells: lanes * (geo.bitLine.c_F * cell.readVoltage_V * vdd + cellEnergy),
      senseAmps: lanes * references * sa.energy_J,
    },
  );
}

/** One bit row written on every lane: half set and half reset, or all to one value (`constant`). */
export function writeAccess(ctx: AccessContext, constant: boolean, driverResistance_Ohm: number): Cost {
  const { tech, cell, geo, decoder, lanes } = ctx;
  const vdd = tech.vdd_V;
  const set = bitWrite(cell, tech, 'set');
  const reset = bitWrite(cell, tech, 'reset');
  const pulse = Math.max(set.pulse_s, reset.pulse_s);
  // A constant write (clearing, MAGIC output initialisation) is costed at the dearer of the two states.
  const pick = (f: (w: typeof set) => number): number => (constant ? Math.max(f(set), f(reset)) : (f(set) + f(reset)) / 2);
  const supply = Math.max(set.supply_V, reset.supply_V);
  return cost(
    {
      rowDecoder: decoder.latency_s,
      wordLine: distributedDelay(geo.wordLine.r_Ohm, geo.wordLine.c_F),
      bitLine: drivenLineDelay(driverResistance_Ohm, geo.bitLine.r_Ohm, geo.bitLine.c_F, 0),
      writePulse: pulse,
    },
    {
      rowDecoder: decoder.energy_J,
      wordLine: geo.wordLine.c_F * vdd * vdd,
      bitLine: lanes * geo.bitLine.c_F * supply * supply,
      cells: lanes * pick((w) => w.cell_J),
      writeDrivers: lanes * pick((w) => w.driver_J),
    },
  );
}

/**
 * MAGIC NOR of `inputs` bit rows into an initialised output, in situ on every lane. The drive V0
 * (the cell's reset voltage) falls across the inputs in parallel and the output in series; a lane
 * with any input on (probability 1 - 2^-inputs for random data) conducts until its output switches
 * off, on average half the pulse at the initial current.
 */
export function magicNorAccess(ctx: AccessContext, inputs: number): Cost {
  const { cell, geo, decoder, lanes } = ctx;
  const v0 = cell.resetVoltage_V ?? 2 * cell.readVoltage_V;
  const pulse = cell.resetPulse_s;
  const pOn = 1 - 2 ** -inputs;
  const onEnergy = ((v0 * v0) / (2 * cell.resistanceLow_Ohm)) * pulse * 0.5;
  const offEnergy = ((v0 * v0) / (cell.resistanceHigh_Ohm / inputs + cell.resistanceLow_Ohm)) * pulse;
  const lines = inputs + 1;
  return cost(
    {
      rowDecoder: decoder.latency_s,
      wordLine: distributedDelay(geo.wordLine.r_Ohm, geo.wordLine.c_F),
      switching: pulse,
    },
    {
      rowDecoder: lines * decoder.energy_J,
      wordLine: lines * geo.wordLine.c_F * v0 * v0,
      cells: lanes * (pOn * onEnergy + (1 - pOn) * offEnergy),
    },
  );
}
