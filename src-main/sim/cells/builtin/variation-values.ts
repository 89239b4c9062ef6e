import { span, v, type CellValue } from './definition.ts';

// Device variation and endurance of the built-in cells. None of the cells' own publications
// states a spread, so each value is an assumption placed inside the span such publications
// typically report, and carries that span as its range so studies can move it.

const SENSE_OFFSET = 'assumption: latch sense amplifiers at 28 to 45 nm have input offset sigmas of about 5 to 20 mV from transistor mismatch (without offset cancellation); 10 mV, the log-middle';
const REFERENCE = 'assumption: a reference generated from reference cells or a resistor ladder spreads by about 1 to 3% of its level; 2% is the middle';

/** Sense amplifier spreads, the same for every cell sensed against references. */
export const SENSE_VARIATION: readonly CellValue[] = [
  v('senseOffsetSigma', 10, 'mV', SENSE_OFFSET, span(5, 20, 'uniform', SENSE_OFFSET)),
  v('referenceSigma', 0.02, '1', REFERENCE, span(0.01, 0.03, 'uniform', REFERENCE)),
];

const MTJ_RESISTANCE = 'assumption: device-to-device spreads of MTJ parallel resistance in published arrays are a few percent (sigma of ln R_P about 0.02 to 0.08, from barrier thickness and area); 0.05 is the middle';
const MTJ_TMR = 'assumption: the TMR of MTJs in one array spreads by about 3 to 10% of its value; 5% is taken as a mature process';

/** MTJ spreads shared by the SOT and STT cells. */
export const MTJ_VARIATION: readonly CellValue[] = [
  v('sigmaLnRLow', 0.05, '1', MTJ_RESISTANCE, span(0.02, 0.08, 'uniform', MTJ_RESISTANCE)),
  v('tmrSigma', 0.05, '1', MTJ_TMR, span(0.03, 0.1, 'uniform', MTJ_TMR)),
  ...SENSE_VARIATION,
];

const SOT_ENDURANCE =
  'assumption: a SOT write current flows through the heavy-metal strip, not the tunnel barrier, so the barrier wear that limits STT cells (1e12 to 1e15 cycles) does not apply; 1e15 cycles, with a range up to 1e16';
const STT_ENDURANCE =
  'assumption: STT writes pass the current through the MgO barrier, whose time-dependent breakdown limits endurance to about 1e12 to 1e15 cycles depending on the write bias; 1e13 cycles, a decade above the low end, since every write of this cell stresses its barrier';

export const SOT_ENDURANCE_VALUE = v('endurance', 1e15, '1', SOT_ENDURANCE, span(1e12, 1e16, 'log-uniform', SOT_ENDURANCE));
export const STT_ENDURANCE_VALUE = v('endurance', 1e13, '1', STT_ENDURANCE, span(1e12, 1e15, 'log-uniform', STT_ENDURANCE));
