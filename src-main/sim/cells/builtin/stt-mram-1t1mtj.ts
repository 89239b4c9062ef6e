import { v, type CellDefinition } from './definition.ts';
import { MRIMA, NVSIM_STT } from './sources.ts';

// The STT-MRAM cell of NVSim's public sample, so the array model can be checked against NVSim.
export const sttMram1t1mtj: CellDefinition = {
  id: 'stt-mram-1t1mtj',
  name: 'STT-MRAM 1T1MTJ (NVSim sample cell)',
  description: 'One transistor, one MTJ; written by spin-transfer torque through the MTJ. Logic by multi-row activation against sense references.',
  values: [
    v('family', 'stt-mram-1t1mtj', '', `conventional STT-MRAM; multi-row sensing gives AND/OR/MAJ and XOR by two references (${MRIMA})`),
    v('cellArea', 54, 'F^2', NVSIM_STT),
    v('aspectRatio', 0.54, '1', NVSIM_STT),
    v('resistanceLow', 3, 'kOhm', NVSIM_STT),
    v('resistanceHigh', 6, 'kOhm', NVSIM_STT),
    v('readMode', 'current', '', NVSIM_STT),
    v('readVoltage', 0.25, 'V', NVSIM_STT),
    v('readPower', 30, 'uW', NVSIM_STT),
    v('minSenseVoltage', 25, 'mV', NVSIM_STT),
    v('setMode', 'current', '', NVSIM_STT),
    v('setCurrent', 80, 'uA', NVSIM_STT),
    v('setPulse', 10, 'ns', NVSIM_STT),
    v('setEnergy', 1, 'pJ', NVSIM_STT),
    v('resetMode', 'current', '', NVSIM_STT),
    v('resetCurrent', 80, 'uA', NVSIM_STT),
    v('resetPulse', 10, 'ns', NVSIM_STT),
    v('resetEnergy', 1, 'pJ', NVSIM_STT),
    v('accessType', 'CMOS', '', NVSIM_STT),
    v('accessWidth', 8, 'F', NVSIM_STT),
    v('accessVoltageDrop', 0.15, 'V', NVSIM_STT),
  ],
};
