import { v, type CellDefinition } from './definition.ts';

const NVSIM = 'NVSim sample STT-RAM cell (shared/reference/nvsim-sample-results.md; domain.md section 4)';

// The STT-MRAM cell of NVSim's public sample, so the array model can be checked against NVSim.
export const sttMram1t1mtj: CellDefinition = {
  id: 'stt-mram-1t1mtj',
  name: 'STT-MRAM 1T1MTJ (NVSim sample cell)',
  description: 'One transistor, one MTJ; written by spin-transfer torque through the MTJ. Logic by multi-row activation against sense references.',
  values: [
    v('family', 'stt-mram-1t1mtj', '', 'assumption: conventional STT-MRAM; multi-row sensing gives AND/OR/MAJ and XOR by two references (domain.md section 6, MRIMA)'),
    v('cellArea', 54, 'F^2', NVSIM),
    v('aspectRatio', 0.54, '1', 'assumption: NVSim sample cell files use aspect ratios near 0.5 (0.57 in sample_STTRAM_aggressive.cell)'),
    v('resistanceLow', 3, 'kOhm', NVSIM),
    v('resistanceHigh', 6, 'kOhm', NVSIM),
    v('readMode', 'current', '', NVSIM),
    v('readVoltage', 0.25, 'V', NVSIM),
    v('minSenseVoltage', 25, 'mV', NVSIM),
    v('setMode', 'current', '', NVSIM),
    v('setCurrent', 80, 'uA', NVSIM),
    v('setPulse', 10, 'ns', NVSIM),
    v('setEnergy', 1, 'pJ', NVSIM),
    v('resetMode', 'current', '', NVSIM),
    v('resetCurrent', 80, 'uA', NVSIM),
    v('resetPulse', 10, 'ns', NVSIM),
    v('resetEnergy', 1, 'pJ', NVSIM),
    v('accessType', 'CMOS', '', NVSIM),
    v('accessWidth', 8, 'F', NVSIM),
  ],
};
