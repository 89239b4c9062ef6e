import { span, v, type CellDefinition } from './definition.ts';
import { MRIMA, NVSIM_STT, NVSIM_STT_SAMPLES } from './sources.ts';
import { MTJ_VARIATION, STT_ENDURANCE_VALUE } from './variation-values.ts';

// Ranges: what NVSim's sample STT-RAM cell (these values) and its aggressive sample span. Both read
// at 0.25 V with a 25 mV margin, so those carry no range.
const WRITE_CURRENT = span(40.82, 80, 'uniform', `${NVSIM_STT_SAMPLES}: 80 uA (sample), 40.82 uA (aggressive sample)`);
const WRITE_PULSE = span(5, 10, 'uniform', `${NVSIM_STT_SAMPLES}: 10 ns (sample), 5 ns (aggressive sample)`);
const WRITE_ENERGY = span(0.252, 1, 'log-uniform', `${NVSIM_STT_SAMPLES}: 1 pJ (sample), 0.252 pJ (aggressive sample)`);

// The STT-MRAM cell of NVSim's public sample, so the array model can be checked against NVSim.
export const sttMram1t1mtj: CellDefinition = {
  id: 'stt-mram-1t1mtj',
  name: 'STT-MRAM 1T1MTJ (NVSim sample cell)',
  description: 'One transistor, one MTJ; written by spin-transfer torque through the MTJ. Logic by multi-row activation against sense references.',
  values: [
    v('family', 'stt-mram-1t1mtj', '', `conventional STT-MRAM; multi-row sensing gives AND/OR/MAJ and XOR by two references (${MRIMA})`),
    v('cellArea', 54, 'F^2', NVSIM_STT),
    v('aspectRatio', 0.54, '1', NVSIM_STT),
    v('resistanceLow', 3, 'kOhm', NVSIM_STT, span(3, 6, 'uniform', `${NVSIM_STT_SAMPLES}: 3 kOhm (sample), 6 kOhm (aggressive sample)`)),
    v('resistanceHigh', 6, 'kOhm', NVSIM_STT, span(6, 12, 'uniform', `${NVSIM_STT_SAMPLES}: 6 kOhm (sample), 12 kOhm (aggressive sample)`)),
    v('readMode', 'current', '', NVSIM_STT),
    v('readVoltage', 0.25, 'V', NVSIM_STT),
    v('readPower', 30, 'uW', NVSIM_STT, span(23.4, 30, 'uniform', `${NVSIM_STT_SAMPLES}: 30 uW (sample), 23.4 uW (aggressive sample)`)),
    v('minSenseVoltage', 25, 'mV', NVSIM_STT),
    v('setMode', 'current', '', NVSIM_STT),
    v('setCurrent', 80, 'uA', NVSIM_STT, WRITE_CURRENT),
    v('setPulse', 10, 'ns', NVSIM_STT, WRITE_PULSE),
    v('setEnergy', 1, 'pJ', NVSIM_STT, WRITE_ENERGY),
    v('resetMode', 'current', '', NVSIM_STT),
    v('resetCurrent', 80, 'uA', NVSIM_STT, WRITE_CURRENT),
    v('resetPulse', 10, 'ns', NVSIM_STT, WRITE_PULSE),
    v('resetEnergy', 1, 'pJ', NVSIM_STT, WRITE_ENERGY),
    v('accessType', 'CMOS', '', NVSIM_STT),
    v('accessWidth', 8, 'F', NVSIM_STT),
    v('accessVoltageDrop', 0.15, 'V', NVSIM_STT),
    ...MTJ_VARIATION,
    STT_ENDURANCE_VALUE,
  ],
};
