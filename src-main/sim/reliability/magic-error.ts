import { expectOnLogGrid } from './log-grid.ts';
import { switchingLaw } from './magic-threshold.ts';
import type { ResistanceLaw, StateLaws } from './resistance-law.ts';
import { binomialWeights, logConductanceSum } from './conductance-sum.ts';
import { slowerThanPulse } from './write-error.ts';

// Error probability of a MAGIC NOT / NOR (Kvatinsky et al., IEEE TCAS-II 2014). The n inputs sit
// in parallel (no access device), the output, initialised to low resistance, in series, with V0
// across the chain: the output sees V_out = V0 R_out S / (1 + R_out S), S the inputs' summed
// conductance, and switches off when V_out exceeds its threshold v_off (VTEAM's switch-off
// voltage). Assumption: a static threshold judged at the initial state, so an output barely
// above v_off counts as switched although VTEAM would switch it slowly (this overstates
// wrong switching). When an input is on, the output must also switch within the pulse: its
// switching time is lognormal around the cell's, and a slower device fails the gate.

export interface MagicGate {
  readonly gateVoltage_V: number;
  readonly pulse_s: number;
  /** The output device's low state, which it is initialised to. */
  readonly output: ResistanceLaw & { readonly kind: 'lognormal' };
  readonly threshold_V: number;
  readonly thresholdSigma_V: number;
  /** Median switching time of the output under the gate; without it no switch is too slow. */
  readonly switchingTime_s?: number;
  readonly switchingTimeSigma: number;
}

/** P(wrong output) of a MAGIC gate with `inputs` inputs, averaged over random inputs. */
export function magicError(laws: StateLaws, gate: MagicGate, inputs: number): number {
  const slow = gate.switchingTime_s === undefined ? 0 : slowerThanPulse(gate.switchingTime_s, gate.switchingTimeSigma, gate.pulse_s);
  const switching = switchingLaw({
    gateVoltage_V: gate.gateVoltage_V,
    threshold_V: gate.threshold_V,
    thresholdSigma_V: gate.thresholdSigma_V,
    outputMedian_Ohm: gate.output.median_Ohm,
    outputSigmaLn: gate.output.sigmaLn,
  });
  let total = 0;
  binomialWeights(inputs).forEach((weight, on) => {
    // Whether the output switches depends on ln S: the input sums go on log grids.
    const sum = logConductanceSum(laws, 0, on, inputs - on);
    total += weight * expectOnLogGrid(sum, (s) => {
      const [stays, switches] = switching.tails(Math.log(s));
      return on > 0 ? stays + switches * slow : switches;
    });
  });
  return total;
}
