import { v, type CellDefinition } from './definition.ts';
import { MRIMA, NEUROSIM_SOT, PARAPIM } from './sources.ts';
import { SOT_RANGES } from './sot-ranges.ts';
import { MTJ_VARIATION, SOT_ENDURANCE_VALUE } from './variation-values.ts';

// The conventional SOT-MRAM cell: one MTJ on a heavy-metal strip, a read and a write transistor
// (NeuroSim's SOT-MRAM preset).
export const sotMram2t1mtj: CellDefinition = {
  id: 'sot-mram-2t1mtj',
  name: 'SOT-MRAM 2T1MTJ',
  description: 'One MTJ on a spin-orbit-torque heavy-metal strip with separate read and write transistors. Logic by multi-row activation (AND, OR, MAJ) and XOR by two references.',
  values: [
    v('family', 'sot-mram-2t1mtj', '', `conventional SOT-MRAM PIM cell computing by multi-row sensing (${PARAPIM}; ${MRIMA})`),
    v('cellArea', 140, 'F^2', `${NEUROSIM_SOT}: 14.3 x 9.8 F`),
    v('aspectRatio', 0.685, '1', `${NEUROSIM_SOT}: 9.8 F high, 14.3 F wide`),
    v('resistanceLow', 10, 'kOhm', NEUROSIM_SOT, SOT_RANGES.resistanceLow),
    v('resistanceHigh', 20.4, 'kOhm', NEUROSIM_SOT, SOT_RANGES.resistanceHigh),
    v('readMode', 'voltage', '', `assumption: voltage-mode latch sense amplifiers against a reference, as SOT-MRAM PIM designs use (${PARAPIM}); a current-mode I-V converter per column (50,000 F^2 in NVSim) would not fit an array that senses every column`),
    v('readVoltage', 0.5, 'V', NEUROSIM_SOT),
    v('minSenseVoltage', 25, 'mV', 'assumption: the 25 mV margin of NVSim\'s sample MRAM cells (Dong et al., IEEE TCAD 2012)'),
    v('setMode', 'current', '', NEUROSIM_SOT),
    v('setCurrent', 330, 'uA', NEUROSIM_SOT, SOT_RANGES.writeCurrent),
    v('setPulse', 1, 'ns', NEUROSIM_SOT),
    v('resetMode', 'current', '', NEUROSIM_SOT),
    v('resetCurrent', 330, 'uA', NEUROSIM_SOT, SOT_RANGES.writeCurrent),
    v('resetPulse', 1, 'ns', NEUROSIM_SOT),
    v('sotChannelResistance', 670, 'Ohm', NEUROSIM_SOT, SOT_RANGES.sotChannelResistance),
    v('accessType', 'CMOS', '', NEUROSIM_SOT),
    v('accessWidth', 4, 'F', 'assumption: a minimum-size read transistor; the read current (tens of uA) needs no more'),
    v('writeAccessWidth', 14, 'F', 'assumption: the widest write transistor the 14.3 F cell width holds; it passes the 330 uA SOT current within 0.9 V at 28 nm'),
    ...MTJ_VARIATION,
    SOT_ENDURANCE_VALUE,
  ],
};
