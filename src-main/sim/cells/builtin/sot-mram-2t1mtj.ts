import { v, type CellDefinition } from './definition.ts';

const NEUROSIM = 'NeuroSim digital systolic branch, SOT-MRAM preset at 22 nm (domain.md section 4)';

// The conventional SOT-MRAM cell: one MTJ on a heavy-metal strip, a read and a write transistor.
export const sotMram2t1mtj: CellDefinition = {
  id: 'sot-mram-2t1mtj',
  name: 'SOT-MRAM 2T1MTJ',
  description: 'One MTJ on a spin-orbit-torque heavy-metal strip with separate read and write transistors. Logic by multi-row activation (AND, OR, MAJ) and XOR by two references.',
  values: [
    v('family', 'sot-mram-2t1mtj', '', 'assumption: conventional SOT-MRAM PIM cell (domain.md sections 4 and 6)'),
    v('cellArea', 140, 'F^2', `${NEUROSIM}: 14.3 x 9.8 F`),
    v('aspectRatio', 0.685, '1', `${NEUROSIM}: 9.8 F high, 14.3 F wide`),
    v('resistanceLow', 10, 'kOhm', NEUROSIM),
    v('resistanceHigh', 20.4, 'kOhm', NEUROSIM),
    v('readMode', 'voltage', '', 'assumption: voltage-mode latch sense amplifiers against a reference, as SOT-MRAM PIM designs use (ParaPIM, Angizi et al., DAC 2018; domain.md section 6); a current-mode I-V converter per column (50,000 F^2 in NVSim) would not fit an array that senses every column'),
    v('readVoltage', 0.5, 'V', NEUROSIM),
    v('minSenseVoltage', 25, 'mV', 'assumption: same sense amplifier as the NVSim STT-RAM sample (25 mV)'),
    v('setMode', 'current', '', NEUROSIM),
    v('setCurrent', 330, 'uA', NEUROSIM),
    v('setPulse', 1, 'ns', NEUROSIM),
    v('resetMode', 'current', '', NEUROSIM),
    v('resetCurrent', 330, 'uA', NEUROSIM),
    v('resetPulse', 1, 'ns', NEUROSIM),
    v('sotChannelResistance', 670, 'Ohm', NEUROSIM),
    v('accessType', 'CMOS', '', NEUROSIM),
    v('accessWidth', 4, 'F', 'assumption: a minimum-size read transistor; the read current (tens of uA) needs no more'),
    v('writeAccessWidth', 12, 'F', 'assumption: the widest write transistor that fits the 14.3 F cell width, to carry the 330 uA SOT current'),
  ],
};
