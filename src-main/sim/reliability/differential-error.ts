import { binLaw, difference, expectOnGrid, fractionBelow, pointMass, type GridMass } from './grid.ts';
import { probabilityBelow, type Tails } from './normal.ts';
import { lnResistanceRange, lnResistanceTails, type ResistanceLaw, type StateLaws } from './resistance-law.ts';
import { SUM_BINS } from './conductance-sum.ts';
import { senseVoltage, type SenseCircuit } from './sense-circuit.ts';

// Error probability of the complementary cell's read and XNOR: the two MTJs of a pair (one low,
// one high, independent devices) each develop a divider voltage on their own line, and one
// amplifier compares the two, with its offset and no reference. It errs when the offset outweighs
// the difference. Both voltages are binned from their exact laws on one grid, their difference
// is a discrete correlation, and the offset enters in closed form.

/** Total resistance (cell + access) at which one cell's node sits at `voltage_V`. */
function resistanceAtVoltage(c: SenseCircuit, voltage_V: number): number {
  if (c.readVoltage_V > 0) return (c.series_Ohm * voltage_V) / (c.readVoltage_V - voltage_V);
  return voltage_V / c.readCurrent_A;
}

/** [P(V <= v), P(V > v)] for one cell's node voltage, which rises with the cell's resistance. */
function voltageTails(c: SenseCircuit, law: ResistanceLaw, v: number): Tails {
  if (!(v > 0)) return [0, 1];
  if (c.readVoltage_V > 0 && v >= c.readVoltage_V) return [1, 0];
  const r = resistanceAtVoltage(c, v) - c.access_Ohm;
  return r > 0 ? lnResistanceTails(law, Math.log(r)) : [0, 1];
}

function voltageRange(c: SenseCircuit, law: ResistanceLaw): readonly [number, number] {
  const [lnLow, lnHigh] = lnResistanceRange(law);
  return [senseVoltage(c, 1 / (Math.exp(lnLow) + c.access_Ohm)), senseVoltage(c, 1 / (Math.exp(lnHigh) + c.access_Ohm))];
}

/** P(wrong bit) of one differential sense of a single-row circuit. */
export function differentialError(c: SenseCircuit, laws: StateLaws, offsetSigma_V: number): number {
  const low = voltageRange(c, laws.low);
  const high = voltageRange(c, laws.high);
  const width = low[1] - low[0] + (high[1] - high[0]);
  const step = Math.max(width / SUM_BINS, (low[1] + high[1]) * 1e-12);
  const binned = (law: ResistanceLaw, range: readonly [number, number]): GridMass =>
    range[1] > range[0] ? binLaw((v) => voltageTails(c, law, v), range[0], range[1], step) : pointMass(range[0], step);
  const margin = difference(binned(laws.low, low), binned(laws.high, high));
  // The high side must stay above the low side after the offset is added.
  return expectOnGrid(margin, (d, low, high) => (offsetSigma_V > 0 ? probabilityBelow(-d, offsetSigma_V) : fractionBelow(low, high, 0)));
}
