import { describe, expect, it } from 'vitest';
import { valuesSchema } from '../../../src-main/shared/schemas/library.ts';
import { provenanceOf } from '../../../src-main/shared/sourced.ts';
import { BUILTIN_CELLS } from '../../../src-main/sim/cells/builtin/index.ts';
import { BUILTIN_DESIGNS } from '../../../src-main/sim/arch/builtin/index.ts';
import { cellParamsFromValues } from '../../../src-main/sim/cells/params.ts';

// The ranges shipped on built-in values: each holds its value, passes the schema users' values
// pass, cites a publication (or says "assumption:" and why), and changes nothing the model reads.

const BUILTINS = [...BUILTIN_CELLS, ...BUILTIN_DESIGNS];
/** Short forms of the publications the ranges cite (sources.ts). */
const CITED = /Peng et al\.|Dong et al\.|Imani et al\.|Kvatinsky et al\.|Mei et al\./;

function rangesOf(id: string): Record<string, [number, number]> {
  const def = BUILTINS.find((d) => d.id === id)!;
  return Object.fromEntries(def.values.filter((v) => v.range).map((v) => [v.key, [v.range!.low, v.range!.high]]));
}

describe('ranges on the built-in cells and designs', () => {
  it('pass the schema every saved library passes, and each holds its value', () => {
    for (const def of BUILTINS) {
      const parsed = valuesSchema.safeParse(def.values);
      expect(parsed.success ? [] : parsed.error.issues, def.id).toEqual([]);
      for (const v of def.values.filter((x) => x.range)) {
        expect(typeof v.value, `${def.id} ${v.key}`).toBe('number');
        expect(v.range!.low, `${def.id} ${v.key}`).toBeLessThanOrEqual(v.value as number);
        expect(v.range!.high, `${def.id} ${v.key}`).toBeGreaterThanOrEqual(v.value as number);
        expect(provenanceOf(v.range!.source), `${def.id} ${v.key}`).not.toBe('missing');
        if (provenanceOf(v.range!.source) === 'cited') expect(v.range!.source, `${def.id} ${v.key}`).toMatch(CITED);
      }
    }
  });

  it('span what the cited publications give for write currents, resistances, pulses and switching', () => {
    // Variation and endurance: assumptions placed in the spans such publications report (variation-values.ts).
    const sense = { senseOffsetSigma: [5, 20], referenceSigma: [0.01, 0.03] };
    const mtj = { sigmaLnRLow: [0.02, 0.08], tmrSigma: [0.03, 0.1], ...sense };
    const sot = { resistanceLow: [3.91, 10], resistanceHigh: [8.2, 20.4], setCurrent: [330, 500], resetCurrent: [330, 500], sotChannelResistance: [670, 780], ...mtj, endurance: [1e12, 1e16] };
    expect(rangesOf('sot-mram-2t2mtj')).toEqual(sot);
    expect(rangesOf('sot-mram-4t2mtj')).toEqual(sot);
    expect(rangesOf('sot-mram-2t1mtj')).toEqual(sot);
    expect(rangesOf('stt-mram-1t1mtj')).toEqual({
      resistanceLow: [3, 6],
      resistanceHigh: [6, 12],
      readPower: [23.4, 30],
      setCurrent: [40.82, 80],
      setPulse: [5, 10],
      setEnergy: [0.252, 1],
      resetCurrent: [40.82, 80],
      resetPulse: [5, 10],
      resetEnergy: [0.252, 1],
      ...mtj,
      endurance: [1e12, 1e15],
    });
    expect(rangesOf('reram-magic')).toEqual({
      setPulse: [0.042, 1],
      resetPulse: [0.019, 1],
      switchingTime: [0.093, 1],
      magicPulse: [0.1, 1.1],
      sigmaLnRLow: [0.05, 0.3],
      sigmaLnRHigh: [0.2, 0.6],
      ...sense,
      magicThresholdOff: [0.15, 0.6],
      magicThresholdOffSigma: [15, 90],
      setSwitchingTime: [0.042, 1],
      resetSwitchingTime: [0.019, 1],
      switchingTimeSigma: [0.1, 0.3],
      endurance: [1e6, 1e12],
    });
    for (const design of BUILTIN_DESIGNS) expect(rangesOf(design.id), design.id).toEqual({ 'transfer.wireEnergyPerBit': [2.75, 17.3] });
  });

  it('leave every parameter the model reads as it was', () => {
    for (const cell of BUILTIN_CELLS) {
      const without = cell.values.map(({ range: _range, ...v }) => v);
      expect(cellParamsFromValues(cell.values), cell.id).toEqual(cellParamsFromValues(without));
    }
  });
});
