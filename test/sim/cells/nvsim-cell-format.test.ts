import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatNvsimCell, parseNvsimCell } from '../../../src-main/sim/cells/nvsim-cell-format.ts';
import { cellParamsFromValues } from '../../../src-main/sim/cells/params.ts';
import { BUILTIN_CELLS } from '../../../src-main/sim/cells/builtin/index.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/cells/${name}`, import.meta.url), 'utf8');

function parsed(text: string) {
  const result = parseNvsimCell(text, 'test.cell');
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

describe('NVSim .cell import', () => {
  it('reads the NVSim sample STT-RAM cell into SI parameters', () => {
    const { params, unknown, warnings } = parsed(fixture('nvsim-sample-sttram.cell'));
    expect(params).toMatchObject({ family: 'stt-mram-1t1mtj', cellArea_F2: 54, resistanceLow_Ohm: 3000, resistanceHigh_Ohm: 6000, readMode: 'current', accessType: 'CMOS', accessWidth_F: 8 });
    expect(params.setPulse_s).toBeCloseTo(10e-9, 18);
    expect(params.setCurrent_A).toBeCloseTo(80e-6, 15);
    expect(params.minSenseVoltage_V).toBeCloseTo(0.025, 12);
    expect(params.readPower_W).toBeCloseTo(30e-6, 15);
    expect(unknown).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('reads a cross-point memristor as memory, with the resistances at the read and the write voltage', () => {
    const { params, unknown } = parsed(fixture('nvsim-rram-crosspoint.cell'));
    expect(params).toMatchObject({ family: 'reram', accessType: 'None', resistanceLow_Ohm: 1e6, resistanceHigh_Ohm: 1e7, resistanceLowWrite_Ohm: 1e5, setMode: 'voltage', setVoltage_V: 2 });
    expect(unknown.map((u) => u.key)).toEqual(['ResistanceOnAtSetVoltage', 'ResistanceOffAtSetVoltage', 'ReadEnergy']);
  });

  it('imports NVSim\'s PCRAM sample: its "#" header lines are ignored with a note, as NVSim ignores them', () => {
    const { params, warnings } = parsed(fixture('nvsim-sample-pcram.cell'));
    expect(params).toMatchObject({ family: 'pcram', readMode: 'voltage', readVoltage_V: 0, accessType: 'CMOS', accessWidth_F: 2 });
    expect(params.readCurrent_A).toBeCloseTo(40e-6, 15);
    expect(params.minSenseVoltage_V).toBeCloseTo(0.08, 12);
    expect(warnings.filter((w) => /ignored, as NVSim ignores it/.test(w.message)).length).toBeGreaterThanOrEqual(2);
    expect(warnings).toContainEqual({ path: '-MinSenseVoltage', message: 'is missing; assumed 80 mV' });
  });

  it('imports NVSim\'s SRAM sample as a memory cell (no resistances or write pulses), and refuses NAND flash saying why', () => {
    const sram = ['-MemCellType: SRAM', '-CellArea (F^2): 146', '-CellAspectRatio: 1.46', '-ReadMode: voltage', '-AccessType: CMOS', '-AccessCMOSWidth (F): 1.31', '-SRAMCellNMOSWidth (F): 2.08', '-SRAMCellPMOSWidth (F): 1.23'].join('\n');
    const { params } = parsed(sram);
    expect(params).toMatchObject({ family: 'sram', cellArea_F2: 146, accessWidth_F: 1.31, sramNmosWidth_F: 2.08, sramPmosWidth_F: 1.23 });
    expect(parseNvsimCell(formatNvsimCell(params)).ok).toBe(true);
    const nand = parseNvsimCell('-MemCellType: SLCNAND\n-CellArea (F^2): 4\n-FlashProgramTime (us): 200\n-ReadMode: voltage\n-ReadVoltage (V): 0.5');
    expect(nand.ok).toBe(false);
    if (!nand.ok) expect(nand.issues).toContainEqual({ path: 'line 1 (-MemCellType)', message: expect.stringMatching(/not modelled: NAND flash needs page and block sizes/) });
  });

  it('reads cell capacitances in farads, whatever "(F)" means elsewhere', () => {
    const { params } = parsed(`${fixture('nvsim-rram-crosspoint.cell')}\n-CapacitanceOn (F): 1e-16\n-CapacitanceOff (F): 2e-16\n`);
    expect(params.cellCapacitance_F).toBeCloseTo(2e-16, 28);
    const again = parsed(formatNvsimCell(params));
    expect(again.params.cellCapacitance_F).toBeCloseTo(2e-16, 28);
  });

  it('warns, naming the keys, when a stated energy contradicts the current and pulse by more than 10x', () => {
    const sot = [
      '-MemCellType: MRAM', '-CellArea (F^2): 140', '-ResistanceOn (ohm): 10000', '-ResistanceOff (ohm): 20400', '-ReadMode: current', '-ReadVoltage (V): 0.5',
      '-SetMode: current', '-SetCurrent (uA): 330', '-SetPulse (ns): 1', '-SetEnergy (pJ): 0.1', '-ResetMode: current', '-ResetCurrent (uA): 330', '-ResetPulse (ns): 1',
      '-ResetEnergy (pJ): 0.1', '-AccessType: CMOS', '-AccessCMOSWidth (F): 16',
    ].join('\n');
    const { warnings } = parsed(sot);
    const energy = warnings.find((w) => w.path === 'line 10 (-SetEnergy)');
    expect(energy?.message).toMatch(/more than 10x .*setCurrent and setPulse .*check setEnergy, setCurrent, setPulse/);
  });

  it('round-trips every modelled key, and the unknown ones, without loss', () => {
    const first = parsed(fixture('nvsim-sample-sttram.cell'));
    const again = parsed(formatNvsimCell(first.params, { title: 'round trip', unknown: first.unknown }));
    expect(again.params).toEqual(first.params);
    expect(again.unknown.map((u) => [u.key, u.unit, u.value])).toEqual(first.unknown.map((u) => [u.key, u.unit, u.value]));
  });

  it('round-trips every built-in cell, the SOT extras included', () => {
    for (const def of BUILTIN_CELLS) {
      const params = cellParamsFromValues(def.values);
      if (!params.ok) throw new Error(def.id);
      expect(parsed(formatNvsimCell(params.params)).params, def.id).toEqual(params.params);
    }
  });

  it('names the key and line of a missing key, a word for a number, and an impossible value', () => {
    const sample = fixture('nvsim-sample-sttram.cell');
    const cases: [string, string, RegExp][] = [
      [sample.replace('-ResetPulse (ns): 10\n', ''), '-ResetPulse', /missing/],
      [sample.replace('-ResetPulse (ns): 10', '-ResetPulse (ns): fast'), 'line 13 (-ResetPulse)', /"fast" is not a number/],
      [sample.replace('-ResistanceOn (ohm): 3000', '-ResistanceOn (ohm): -3000'), 'line 5 (-ResistanceOn)', /must be positive/],
      [sample.replace('-ResistanceOff (ohm): 6000', '-ResistanceOff (ohm): 2000'), 'line 6 (-ResistanceOff)', /must be larger/],
      [sample.replace('-SetPulse (ns): 10', '-SetPulse (V): 10'), 'line 17 (-SetPulse)', /does not fit/],
      [sample.replace('-MemCellType: MRAM', '-MemCellType: SLCNAND'), 'line 2 (-MemCellType)', /not modelled/],
      [sample.replace('-MemCellType: MRAM', '-MemCellType: SRAM'), 'line 7 (-ReadMode)', /must be voltage/],
    ];
    for (const [text, path, message] of cases) {
      const result = parseNvsimCell(text);
      expect(result.ok, path).toBe(false);
      if (!result.ok) expect(result.issues).toContainEqual({ path, message: expect.stringMatching(message) });
    }
  });

  it('assumes defaults for optional keys and says so', () => {
    const text = fixture('nvsim-sample-sttram.cell').replace('-CellAspectRatio: 0.54\n', '');
    const { params, warnings } = parsed(text);
    expect(params.aspectRatio).toBe(1);
    expect(warnings).toContainEqual({ path: '-CellAspectRatio', message: 'is missing; assumed 1' });
  });
});
