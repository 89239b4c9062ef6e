import { v, type CellDefinition, type CellValue } from './definition.ts';
import { NEUROSIM_SOT, PARAPIM, WANG_FIGURE } from './sources.ts';
import { SOT_RANGES } from './sot-ranges.ts';
import { MTJ_VARIATION, SOT_ENDURANCE_VALUE } from './variation-values.ts';

// The proposed complementary cell of Wang et al., as drawn: the bit D and its complement, each in
// an MTJ on its own SOT strip, each strip with one transistor gated by IN or its complement, the
// pair sharing the source line, with separate read and write bit lines. The one transistor per
// MTJ carries both the read and the SOT write current. Wang et al. publish no device values: the
// device is NeuroSim's SOT-MRAM preset, the closest published SOT device.

const WHY_NEUROSIM = 'Wang et al. publish no device values';

const common: readonly CellValue[] = [
  v('family', 'sot-mram-2t2mtj', '', `${WANG_FIGURE}: complementary cell, XNOR per cell, column search by summed current`),
  v('aspectRatio', 0.685, '1', `${NEUROSIM_SOT}: 14.3 F wide, 9.8 F high (${WHY_NEUROSIM})`),
  v('resistanceLow', 10, 'kOhm', `${NEUROSIM_SOT} (${WHY_NEUROSIM})`, SOT_RANGES.resistanceLow),
  v('resistanceHigh', 20.4, 'kOhm', `${NEUROSIM_SOT} (${WHY_NEUROSIM})`, SOT_RANGES.resistanceHigh),
  v('readMode', 'voltage', '', `assumption: voltage-mode latch sense amplifiers against a reference, as SOT-MRAM PIM designs use (${PARAPIM}); a current-mode I-V converter per column (50,000 F^2 in NVSim) would not fit an array that senses every column`),
  v('readVoltage', 0.5, 'V', `${NEUROSIM_SOT} (${WHY_NEUROSIM})`),
  v('minSenseVoltage', 25, 'mV', 'assumption: the 25 mV margin of NVSim\'s sample MRAM cells (Dong et al., IEEE TCAD 2012)'),
  v('setMode', 'current', '', `${WANG_FIGURE}: written by SOT current through the heavy-metal strip`),
  v('setCurrent', 330, 'uA', NEUROSIM_SOT, SOT_RANGES.writeCurrent),
  v('setPulse', 1, 'ns', NEUROSIM_SOT),
  v('resetMode', 'current', '', `${WANG_FIGURE}: written by SOT current through the heavy-metal strip`),
  v('resetCurrent', 330, 'uA', NEUROSIM_SOT, SOT_RANGES.writeCurrent),
  v('resetPulse', 1, 'ns', NEUROSIM_SOT),
  v('sotChannelResistance', 670, 'Ohm', NEUROSIM_SOT, SOT_RANGES.sotChannelResistance),
  v('accessType', 'CMOS', '', WANG_FIGURE),
  ...MTJ_VARIATION,
  SOT_ENDURANCE_VALUE,
];

export const sotMram2t2mtj: CellDefinition = {
  id: 'sot-mram-2t2mtj',
  name: 'SOT-MRAM 2T2MTJ complementary (Wang et al. 2020, as drawn)',
  description:
    'Two transistors and two MTJs holding D and its complement on separate SOT strips; each MTJ has one transistor, gated by IN or its complement, that carries both its read and its write current. A cell compares (XNOR) a driven bit with its stored one; summed over a column the current counts mismatches, giving a one-access search. Separate read and write bit lines.',
  values: [
    ...common,
    v(
      'cellArea',
      140,
      'F^2',
      `assumption: two transistors and two MTJs on their strips; ${NEUROSIM_SOT} holds two transistors and one MTJ in 14.3 x 9.8 F (140 F^2), so the same footprint is taken with the second MTJ on the second transistor's strip (Wang et al. publish no layout)`,
    ),
    v('accessWidth', 14, 'F', 'assumption: the widest transistor the 14.3 F cell width holds; at 28 nm it passes the 330 uA SOT current with the strip within a 0.9 V supply'),
  ],
};

// Today's earlier model of the same cell with a separate read transistor per MTJ (four in all):
// a plausible variant (a decoupled, minimum-size read path keeps the read bit line light and the
// read disturb low), but not the authors' drawing, and twice the area.
export const sotMram4t2mtj: CellDefinition = {
  id: 'sot-mram-4t2mtj',
  name: 'SOT-MRAM complementary with separate read transistors (4T2MTJ variant)',
  description:
    'The complementary SOT cell with a read transistor beside each MTJ\'s write transistor (four transistors): a light, minimum-size read path at twice the area. A variant of Wang et al.\'s cell, not their drawing.',
  values: [
    ...common,
    v('cellArea', 280, 'F^2', `assumption: two SOT half-cells of the ${NEUROSIM_SOT} (two transistors and one MTJ in 140 F^2 each)`),
    v('accessWidth', 4, 'F', 'assumption: minimum-size read transistors on the separate read path'),
    v('writeAccessWidth', 14, 'F', 'assumption: the widest write transistor the 14.3 F cell width holds; it passes the 330 uA SOT current within 0.9 V at 28 nm'),
  ],
};
