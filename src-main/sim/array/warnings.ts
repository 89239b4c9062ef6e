import { bitWrite, memoryKind } from '../cells/electrical.ts';
import type { Periphery } from './periphery.ts';
import { MAX_WIDTH_F } from '../tech/devices.ts';

// What a subarray can be built with but deserves a look, each with its reason.

export function driveWarnings(p: Periphery): string[] {
  const { cell, tech } = p;
  const found: string[] = [];
  if (memoryKind(cell) === 'SRAM') return found;
  for (const op of ['set', 'reset'] as const) {
    const w = bitWrite(cell, tech, op);
    if ((op === 'set' ? cell.setMode : cell.resetMode) === 'current' && w.neededVoltage_V > tech.vdd_V * 1.001) {
      found.push(
        `${op}Current: the write current needs ${w.neededVoltage_V.toFixed(2)} V across driver, access device and cell, above Vdd ${tech.vdd_V.toFixed(2)} V at ${tech.node_nm} nm; it is costed as drawn from Vdd, as NVSim does (a boosted supply would cost more)`,
      );
    }
  }
  if (p.rowDecoder.driver.currentLimited) {
    found.push(
      `cols: a word line must deliver ${(p.maxWordLineCurrent_A * 1e3).toPrecision(3)} mA to the ${memoryKind(cell) === 'memristor' ? 'selected and half-selected ' : ''}cells of a write, more than a 100 F driver supplies: NVSim rejects this organisation, and its drivers are costed without that current (writes are optimistic); use fewer columns, a larger mux or a lower write current`,
    );
  }
  if (p.maxBitLineCurrent_A / tech.ionN_A_per_m > MAX_WIDTH_F * tech.featureSize_m) {
    found.push(
      `rows: a bit line carries ${(p.maxBitLineCurrent_A * 1e3).toPrecision(3)} mA in a write (the written cell${memoryKind(cell) === 'memristor' ? ' and the half-selected cells along it' : ''}), more than a 100 F device passes: NVSim rejects this organisation, and its mux is costed without that current; use fewer rows, or a cell with a selector (resistanceLowHalfWrite)`,
    );
  }
  return found;
}
