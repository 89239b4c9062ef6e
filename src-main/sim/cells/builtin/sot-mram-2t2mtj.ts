import { v, type CellDefinition } from './definition.ts';

const WANG = 'Wang et al., ISCAS 2020, first author\'s summary figure (domain.md section 2)';
const NEUROSIM = 'NeuroSim SOT-MRAM preset at 22 nm (domain.md section 4)';

// The proposed complementary cell of Wang et al.: the bit and its complement, each in an MTJ on its
// own SOT strip with its own access transistor. The row drives IN or its complement, so every
// sense can take a stored bit true or inverted, and a whole column matches a query in one access.
export const sotMram2t2mtj: CellDefinition = {
  id: 'sot-mram-2t2mtj',
  name: 'SOT-MRAM 2T2MTJ complementary (Wang et al. 2020)',
  description:
    'Two transistors and two MTJs holding D and its complement on separate SOT strips. The row drives IN and its complement, so a cell compares (XNOR) a driven bit with its stored one; summed over a column the current counts mismatches, giving a one-access search. Separate read and write bit lines.',
  values: [
    v('family', 'sot-mram-2t2mtj', '', WANG),
    v('cellArea', 280, 'F^2', 'assumption: two SOT half-cells, each about the 140 F^2 NeuroSim gives a 2T1MTJ SOT cell (an access transistor sized for the SOT current beside its MTJ); the paper does not publish the layout'),
    v('aspectRatio', 0.685, '1', `assumption: the aspect of the ${NEUROSIM} cell`),
    v('resistanceLow', 10, 'kOhm', `assumption: MTJ of the ${NEUROSIM}; the paper gives no device values`),
    v('resistanceHigh', 20.4, 'kOhm', `assumption: MTJ of the ${NEUROSIM}`),
    v('readMode', 'voltage', '', 'assumption: voltage-mode latch sense amplifiers against a reference, as SOT-MRAM PIM designs use (ParaPIM, Angizi et al., DAC 2018; domain.md section 6); a current-mode I-V converter per column (50,000 F^2 in NVSim) would not fit an array that senses every column'),
    v('readVoltage', 0.5, 'V', `assumption: read voltage of the ${NEUROSIM}`),
    v('minSenseVoltage', 25, 'mV', 'assumption: same sense amplifier as the NVSim STT-RAM sample (25 mV)'),
    v('setMode', 'current', '', `${WANG}: written by SOT current through the heavy-metal strip`),
    v('setCurrent', 330, 'uA', `assumption: SOT write current of the ${NEUROSIM}`),
    v('setPulse', 1, 'ns', `assumption: SOT write pulse of the ${NEUROSIM}`),
    v('resetMode', 'current', '', `${WANG}: written by SOT current through the heavy-metal strip`),
    v('resetCurrent', 330, 'uA', `assumption: SOT write current of the ${NEUROSIM}`),
    v('resetPulse', 1, 'ns', `assumption: SOT write pulse of the ${NEUROSIM}`),
    v('sotChannelResistance', 670, 'Ohm', `assumption: SOT channel of the ${NEUROSIM}`),
    v('accessType', 'CMOS', '', WANG),
    v('accessWidth', 4, 'F', 'assumption: minimum-size read transistors on the separate read path'),
    v('writeAccessWidth', 16, 'F', 'assumption: sized to pass the 330 uA SOT current within a 0.9 V supply at 28 nm; fits the 20 F width of a 280 F^2 cell'),
  ],
};
