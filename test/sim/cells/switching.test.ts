import { describe, expect, it } from 'vitest';
import { magicGateEnergy, voltageWriteEnergy } from '../../../src-main/sim/cells/switching.ts';
import { cellParamsFromValues } from '../../../src-main/sim/cells/params.ts';
import { builtinCell } from '../../../src-main/sim/cells/builtin/index.ts';
import { evaluateSubarray } from '../../../src-main/sim/array/subarray.ts';

// Circuit-level reference: a VTEAM memristor (Kvatinsky et al., IEEE TCAS-II 2015) at FloatPIM's
// 10 kOhm / 10 MOhm, simulated in Xyce over pulse amplitude and width; lowest-energy points as
// published in the public dataset MahirDhrubo/3D_Crossbar_Mapping
// (public-data/table1/logic_lowest_energy_best_points.csv, commit 7e4885e):
//   NOR at -2.2 V: 1.303 fJ per gate, switching in 0.0930 ns (worst 0.0934 ns)
//   NOT at -2.2 V: 0.951 fJ per gate, switching in 0.0934 ns
//   SET at -2.6 V: 0.113 fJ (lowest energy) .. 3.17 fJ (fastest, -3.0 V); RESET at 3.0 V: 0.364 fJ
const CIRCUIT = { nor_J: 1.303e-15, not_J: 0.951e-15 };

const magic = (() => {
  const p = cellParamsFromValues(builtinCell('reram-magic')!.values);
  if (!p.ok) throw new Error('reram-magic');
  return p.params;
})();

describe('MAGIC gate energy from device physics, against circuit data', () => {
  it('NOR2 and NOT per gate within 30% of the VTEAM circuit sweep', () => {
    expect(Math.abs(magicGateEnergy(magic, 2) / CIRCUIT.nor_J - 1)).toBeLessThan(0.3);
    expect(Math.abs(magicGateEnergy(magic, 1) / CIRCUIT.not_J - 1)).toBeLessThan(0.3);
  });

  it('a 1024 x 1024 crossbar at 28 nm spends 0.5 to 10 fJ per lane on a nor2 step, lines and decoding included', () => {
    const r = evaluateSubarray({ cell: magic, rows: 1024, cols: 1024, node_nm: 28 });
    const perLane = r.primitives.nor2!.energy_J / r.lanes;
    expect(perLane).toBeGreaterThan(0.5e-15);
    expect(perLane).toBeLessThan(10e-15);
    // Most of it in the cells; the driven input columns are shared by all 1024 lanes.
    expect(r.primitives.nor2!.cellEnergy_J! / r.primitives.nor2!.energy_J).toBeGreaterThan(0.8);
  });

  it('switching energy grows as V^2 and with the switching time; a cell already in the target state conducts for the whole pulse', () => {
    const base = magicGateEnergy(magic, 2);
    expect(magicGateEnergy({ ...magic, magicVoltage_V: 2 * magic.magicVoltage_V! }, 2) / base).toBeCloseTo(4, 6);
    const slow = voltageWriteEnergy({ ...magic, switchingTime_s: 0.09e-9 }, 'set', 2.6, 0.1e-9);
    const fast = voltageWriteEnergy({ ...magic, switchingTime_s: 0.01e-9 }, 'set', 2.6, 0.1e-9);
    expect(slow).not.toBeCloseTo(fast, 20);
    // Half the cells are already at 10 kOhm: they draw 2.6^2 / 10k x 0.1 ns = 67.6 fJ each.
    expect(voltageWriteEnergy(magic, 'set', 2.6, 0.1e-9)).toBeGreaterThan(67.6e-15 / 2);
  });
});
